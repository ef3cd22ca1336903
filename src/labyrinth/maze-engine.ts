import type { BoundedMemo } from './bounded-memo.js';
import type { MazeLink } from './path/maze-link.js';
import type { PathSigner } from './path/path-signer.js';
import type { PathTemplate } from './path/path-template.js';
import type { KeyedDigest } from './random/keyed-digest.js';

/** What one maze shares between its pages: its key, its templates and what it remembers per site. */
export interface MazeEngine {
  readonly key: KeyedDigest;
  readonly signer: PathSigner;
  readonly templates: readonly PathTemplate[];
  readonly linksPerPage: number;
  /** Per `depth\nsite`: the links every page at that depth shows. */
  readonly siteLinks: BoundedMemo<string, readonly MazeLink[]>;
  /** Per site: the digest that seeds its site-wide choices. */
  readonly siteSeeds: BoundedMemo<string, Uint8Array>;
}
