import type { CanaryMint } from './canary/canary-kind.js';
import type { Maze, MazePage, MazeVisit } from './maze-types.js';
import type { TrapStrategyName } from './trap-strategy-name.js';

/** A deterministic stand-in for real canary minting: the kind, then an FNV-1a hash of the slot. */
export const fakeMint: CanaryMint = (kind, slot) => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slot.length; i++) hash = Math.imul(hash ^ slot.charCodeAt(i), 0x01000193);
  return `${kind}-${(hash >>> 0).toString(36)}`;
};

/** A GET visit of `site` "shop" with the fake mint, unless told otherwise. */
export function visitOf(
  target: string,
  strategy: TrapStrategyName,
  extra: Partial<MazeVisit> = {},
): MazeVisit {
  return { site: 'shop', target, method: 'GET', strategy, mint: fakeMint, ...extra };
}

const HREF = /\s(?:href|action|src)="([^"]*)"/g;
const PATH_TOKEN = /\/[A-Za-z0-9._~/-]+/g;

/**
 * Every link a crawler would take from a page: HTML href/action/src attributes, JSON `next` and `related`,
 * and the location and link headers. Plain text has no links, only paths: see `pathsInText`.
 */
export function linksOf(page: MazePage): string[] {
  const links: string[] = [];
  if (page.contentType.startsWith('text/html')) for (const m of page.body.matchAll(HREF)) links.push(m[1]!);
  if (page.contentType.startsWith('application/json')) {
    const json = JSON.parse(page.body) as { next?: string; related?: string[] };
    if (json.next !== undefined) links.push(json.next);
    links.push(...(json.related ?? []));
  }
  if (page.headers.location !== undefined) links.push(page.headers.location);
  const link = page.headers.link?.match(/^<([^>]*)>/);
  if (link) links.push(link[1]!);
  return links;
}

/** Everything shaped like an absolute path in a text, as a crawler that follows anything would find. */
export function pathsInText(text: string): string[] {
  return [...text.matchAll(PATH_TOKEN)].map((m) => m[0]);
}

const VOID = new Set(['meta', 'link', 'input', 'br', 'hr', 'img']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;

/** The structural problems of an HTML page (none for a well-formed one): the checks the issue asks for. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (!html.startsWith('<!doctype html>')) problems.push('no doctype first');
  const stack: string[] = [];
  const opened = new Map<string, number>();
  for (const [, closing, rawName] of html.matchAll(TAG)) {
    const name = rawName!.toLowerCase();
    if (VOID.has(name)) continue;
    if (closing === '') {
      stack.push(name);
      opened.set(name, (opened.get(name) ?? 0) + 1);
    } else if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  for (const once of ['html', 'head', 'title', 'body'])
    if (opened.get(once) !== 1) problems.push(`${opened.get(once) ?? 0} <${once}>`);
  if (!/<nav>[\s\S]*<a href=[\s\S]*<\/nav>/.test(html)) problems.push('no nav with links');
  if (!/<title>[^<]+<\/title>/.test(html)) problems.push('empty title');
  if (!html.includes('<meta name="robots" content="noindex, nofollow">')) problems.push('no robots meta');
  const text = (html.split('<main>')[1] ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length < 20) problems.push('no body text');
  return problems;
}

/** A maze path `depth` clicks from the entrance, reached by following first links through article pages. */
export function targetAtDepth(maze: Maze, depth: number, seed = 'depth'): string {
  let target = maze.entryPaths('shop', seed, 1, '/library/')[0]!;
  for (let d = 1; d < depth; d++) target = linksOf(maze.page(visitOf(target, 'articles'))).at(-1)!;
  return target;
}
