import type { CanaryKind } from '../canary/canary-kind.js';
import type { MazeLink } from '../path/maze-link.js';
import type { PathTemplate } from '../path/path-template.js';
import type { Prng } from '../random/prng.js';

/** What a trap strategy knows about the page it renders, and the maze's tools to fill it. */
export interface PageContext {
  readonly site: string;
  /** The request target as received (attacker-controlled: escape it wherever it shows). */
  readonly target: string;
  /** `target` without its query. */
  readonly path: string;
  /** `target`'s query without the "?", or "". */
  readonly query: string;
  readonly method: string;
  readonly body: string | undefined;
  /** Clicks from the maze's entrance: 0 for a page not reached through a maze link. */
  readonly depth: number;
  /** This page's own random stream: the same visit draws the same numbers. */
  readonly rng: Prng;
  /** How many links to deeper pages a page shows. */
  readonly linksPerPage: number;
  /** The words of this page's own slug when it is a maze path (what the link to it said), else none. */
  readonly titleWords: readonly string[];
  /** `count` (default linksPerPage) links one click deeper, following the maze's templates. */
  links(count?: number): MazeLink[];
  /** One link one click deeper, following one of the strategy's own templates. */
  linkFrom(template: PathTemplate): MazeLink;
  /** Eight links every page of this site shows at this depth (navigation, "popular"), as real sites do. */
  siteLinks(): readonly MazeLink[];
  /**
   * A random stream for what stays the same on every page of this site (a server banner, a database
   * name); `purpose` keeps the streams of different choices apart.
   */
  siteRng(purpose: string): Prng;
  /** The page's next canary of this kind; each call mints a distinct, deterministic one. */
  canary(kind: CanaryKind): string;
}
