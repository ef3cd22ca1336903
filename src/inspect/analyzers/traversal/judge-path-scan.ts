import type { ValueKind } from '../../inspectable.js';
import type { PathScan } from './scan-paths.js';

/** A traversal suspicion: rule, confidence and the span of the value it is about. */
export interface PathSuspicion {
  readonly rule: string;
  readonly confidence: number;
  readonly start: number;
  readonly end: number;
}

/** How the text being judged was spelled on the wire. */
export interface Spelling {
  /** The dots only appeared after decoding (`%2e%2e%2f`). */
  readonly encoded: boolean;
  /** Encoded twice or more (`%252e`), or in overlong UTF-8: only evasions do that. */
  readonly evasive: boolean;
  /** A NUL followed, to cut off an extension the application appends. */
  readonly nulByte: boolean;
  /** Free text (several spaces): a relative link in a sentence is not an attack. */
  readonly prose: boolean;
}

function dotConfidence(scan: PathScan, kind: ValueKind, spelling: Spelling): number {
  // One `../` is a relative link as often as an attack; below even the paranoid threshold on its own.
  let c = scan.dotRun >= 3 ? 0.9 : scan.dotRun === 2 ? 0.8 : kind === 'path' ? 0.5 : 0.35;
  // Overlong UTF-8, `%u002e`, `0x2e`, `%252e`: no client spells a dot so but to slip it past a filter.
  // (In free text, a double-encoded `%252F` somewhere in a quoted URL says nothing about its `../` links.)
  if (scan.dotEvasion || (spelling.evasive && !spelling.prose)) c = Math.max(c + 0.2, 0.9);
  else if (spelling.encoded) c += 0.1;
  // A URL's `a/../b` is resolved by the browser; in a sentence a `../` is usually a relative link.
  if (scan.dotsInUrl && !scan.dotEvasion) c = Math.min(c, 0.4);
  if (spelling.prose && scan.dotRun <= 2 && !scan.dotEvasion) c = Math.min(c, 0.3);
  // `looking in ./ ../ ../../ ../../../ etc.`: in free text a deep climb that reaches nothing named only weighs.
  else if (spelling.prose && !scan.sensitiveAfterDots && !scan.dotEvasion && !spelling.evasive)
    c = Math.min(c, 0.7);
  // An uploaded file's name never holds a path; one that climbs is an attempt to write outside.
  if (kind === 'file-name') c = 1;
  if (scan.sensitive > 0 && scan.sensitiveAfterDots) c = 1;
  // `../../apache/logs/access.log`: a climb, then a known file further down the same path.
  else if (
    scan.dotRun >= 2 &&
    scan.sensitive >= 0.75 &&
    scan.sensitiveStart > scan.dotStart &&
    !spelling.prose
  )
    c = Math.max(c, 0.95);
  if (spelling.nulByte) c += 0.1;
  return Math.min(1, c);
}

/**
 * Turns a path scan into at most two suspicions: a dot-dot run (weighted by depth, spelling, context and
 * what it reaches) and a sensitive file or directory (weighted by whether it is absolute).
 */
export function judgePathScan(scan: PathScan, kind: ValueKind, spelling: Spelling): PathSuspicion[] {
  const out: PathSuspicion[] = [];
  if (scan.dotRun > 0) {
    const confidence = dotConfidence(scan, kind, spelling);
    out.push({
      rule: 'traversal/dot-dot',
      confidence,
      start: scan.dotStart,
      end: scan.sensitiveAfterDots ? scan.sensitiveEnd : scan.dotEnd,
    });
  }
  if (scan.sensitive > 0) {
    // Named from a root (`/proc/net/tcp`, `C:\boot.ini`, anywhere in a request path) it is a target;
    // as a relative tail (`etc/hosts`) it may be a project's own folder.
    let c =
      scan.rooted || kind === 'path' || kind === 'path-segment'
        ? scan.sensitive + 0.1
        : scan.sensitive - 0.05;
    if (spelling.prose) c *= 0.7;
    if (spelling.nulByte) c += 0.1;
    out.push({
      rule: 'traversal/sensitive-file',
      confidence: Math.min(1, Math.round(c * 100) / 100),
      start: scan.sensitiveStart,
      end: scan.sensitiveEnd,
    });
  }
  return out;
}
