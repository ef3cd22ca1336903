import { BoundedMemo } from './bounded-memo.js';
import { buildPageContext } from './build-page-context.js';
import { entryPaths } from './entry-paths.js';
import type { MazeEngine } from './maze-engine.js';
import type { Maze, MazeOptions } from './maze-types.js';
import { createPathSigner } from './path/path-signer.js';
import type { PathTemplate } from './path/path-template.js';
import { createKeyedDigest } from './random/keyed-digest.js';
import { resolveMazeOptions } from './resolve-maze-options.js';
import { TRAP_STRATEGY_FACTORIES } from './strategies/registry.js';
import type { TrapStrategy } from './strategies/trap-strategy.js';
import { TRAP_STRATEGIES, type TrapStrategyName } from './trap-strategy-name.js';

// Per-site memos hold a few hundred bytes an entry; these bounds keep a flood of sites or depths cheap.
const MEMO_LIMIT = 4096;
const PREFIX_LIMIT = 64;

/**
 * The endless, consistent maze: pages are a pure function of the secret, the site, the target, the
 * strategy and the canaries the visit's `mint` returns; no clock, no I/O, no Math.random().
 * @example
 * const maze = createMaze({ secret: 'a long random secret' });
 * const page = maze.page({ site: 'shop', target: '/.env', method: 'GET', strategy: 'files', mint });
 */
export function createMaze(options: MazeOptions): Maze {
  const resolved = resolveMazeOptions(options);
  const key = createKeyedDigest(resolved.secret);
  const engine: MazeEngine = {
    key,
    signer: createPathSigner(key),
    templates: resolved.templates,
    linksPerPage: resolved.linksPerPage,
    siteLinks: new BoundedMemo(MEMO_LIMIT),
    siteSeeds: new BoundedMemo(MEMO_LIMIT),
  };
  const strategies = new Map<string, TrapStrategy>(
    TRAP_STRATEGIES.map((name: TrapStrategyName) => [
      name,
      TRAP_STRATEGY_FACTORIES[name]({ extraText: resolved.extraText }),
    ]),
  );
  const entryTemplates = new BoundedMemo<string, PathTemplate>(PREFIX_LIMIT);
  return {
    page(visit) {
      const strategy = strategies.get(visit.strategy);
      if (strategy === undefined)
        throw new TypeError(`labyrinth: no trap strategy named "${visit.strategy}"`);
      return strategy.render(buildPageContext(engine, visit));
    },
    isMazePath: (site, path) => engine.signer.depthOf(site, path) >= 0,
    entryPaths: (site, seed, count, prefix) => entryPaths(engine, entryTemplates, site, seed, count, prefix),
  };
}
