import type { KeyedDigest } from '../random/keyed-digest.js';
import { readChecksum, writeChecksum } from './checksum-text.js';
import { checksumDepth, checksumValue } from './checksum-value.js';
import { locateChecksum } from './locate-checksum.js';

/** Writes and checks the keyed checksum that marks a path as one the maze made. */
export interface PathSigner {
  /** `before + checksum + after`; `before` ends with "-" and `after` has none. */
  sign(site: string, before: string, after: string, depth: number, radix: 36 | 16): string;
  /** The depth a maze path carries, or -1 when the path is not one (a `?query` is ignored). */
  depthOf(site: string, target: string): number;
}

// The site's length keeps `site + path` unambiguous: site "a" with "/b" is not site "a/" with "b".
function mac(digest: KeyedDigest, site: string, rest: string): Buffer {
  return digest(`mac\n${site.length}:${site}${rest}`);
}

function pathOf(target: string): string {
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

/** @example createPathSigner(key).depthOf('shop', '/docs/cache-notes-0a1b2c3d4e') // -1 unless it signed it */
export function createPathSigner(key: KeyedDigest): PathSigner {
  return {
    sign(site, before, after, depth, radix) {
      const value = checksumValue(mac(key, site, before + after), depth, radix);
      return before + writeChecksum(value, radix) + after;
    },
    depthOf(site, target) {
      const path = pathOf(target);
      const spot = locateChecksum(path);
      if (spot === undefined) return -1;
      const value = readChecksum(path.slice(spot.start, spot.end), spot.radix);
      return checksumDepth(
        mac(key, site, path.slice(0, spot.start) + path.slice(spot.end)),
        value,
        spot.radix,
      );
    },
  };
}
