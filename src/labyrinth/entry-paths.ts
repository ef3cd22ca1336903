import type { BoundedMemo } from './bounded-memo.js';
import type { MazeEngine } from './maze-engine.js';
import { fillTemplate } from './path/fill-template.js';
import { compilePathTemplate, type PathTemplate } from './path/path-template.js';
import { keyedPrng } from './random/keyed-prng.js';

const ENTRY_DEPTH = 1;
const MAX_COUNT = 10_000;

/**
 * `count` distinct maze paths under `prefix`, one click into the maze, the same for the same (site, seed):
 * the trap links hidden in a real page. `templates` remembers the compiled `prefix{slug}` template.
 * @example entryPaths(engine, templates, 'shop', '/pricing', 3, '/library/') // ['/library/cache-notes-…', …]
 */
export function entryPaths(
  engine: MazeEngine,
  templates: BoundedMemo<string, PathTemplate>,
  site: string,
  seed: string,
  count: number,
  prefix: string,
): string[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT)
    throw new TypeError(`labyrinth: entryPaths count must be an integer from 0 to ${MAX_COUNT}`);
  if (typeof prefix !== 'string' || !prefix.startsWith('/'))
    throw new TypeError(`labyrinth: entryPaths prefix "${prefix}" must start with "/"`);
  const folder = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const template = templates.get(folder, () => compilePathTemplate(`${folder}{slug}`));
  const rng = keyedPrng(engine.key, `entry\n${site.length}:${site}${folder.length}:${folder}${seed}`);
  const paths = new Set<string>();
  // Slugs come from ~10^9 combinations: a repeat is rare, and each retry draws new words.
  while (paths.size < count) paths.add(fillTemplate(template, rng, engine.signer, site, ENTRY_DEPTH).href);
  return [...paths];
}
