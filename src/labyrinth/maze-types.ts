import type { CanaryMint } from './canary/canary-kind.js';
import type { TrapStrategyName } from './trap-strategy-name.js';

/** How a maze is built; the same options give the same maze. */
export interface MazeOptions {
  /** Key material: a different secret gives a different maze and different checksums. */
  readonly secret: string;
  /** Path templates the maze's links follow, e.g. `/docs/{slug}`, `/archive/{year}/{slug}`, `/api/v1/{noun}/{id}`. */
  readonly templates?: readonly string[];
  /** Links to deeper pages on each page. */
  readonly linksPerPage?: number;
  /** Extra training text for the article generator (e.g. the protected site's own pages). */
  readonly extraText?: string;
}

/** One request into the maze. */
export interface MazeVisit {
  readonly site: string;
  /** The request target as received: path and optional `?query`. */
  readonly target: string;
  readonly method: string;
  readonly strategy: TrapStrategyName;
  /** Mints the canaries the page embeds, bound to the intruder it is served to. */
  readonly mint: CanaryMint;
  /** The request body as text, when there is one (a login form, a JSON document). */
  readonly body?: string;
}

/** A maze page, ready to send. */
export interface MazePage {
  readonly status: number;
  readonly contentType: string;
  /** Extra response headers (a decoy session cookie, a server banner). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Clicks from the maze's entrance to this page (0 for a page not reached through a maze link). */
  readonly depth: number;
}

/** The endless, consistent maze: pages are a function of (secret, site, target, strategy, intruder's mint). */
export interface Maze {
  page(visit: MazeVisit): MazePage;
  /** Whether a path carries the maze's keyed checksum, i.e. is a link the maze itself made. */
  isMazePath(site: string, path: string): boolean;
  /** `count` maze paths under `prefix` (e.g. `/library/`), for trap links hidden in real pages. */
  entryPaths(site: string, seed: string, count: number, prefix: string): string[];
}
