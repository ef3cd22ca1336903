import type { MazePage } from '../maze-types.js';
import type { TrapStrategyName } from '../trap-strategy-name.js';
import type { PageContext } from './page-context.js';

/** A kind of decoy site: renders a whole page for any target, with links that stay in the maze. */
export interface TrapStrategy {
  readonly name: TrapStrategyName;
  /** Path templates of the strategy's own links, besides the maze's configured ones. */
  readonly templates: readonly string[];
  render(page: PageContext): MazePage;
}

/** What a strategy factory is given: the maze's options that strategies may use. */
export interface TrapStrategyOptions {
  /** Extra training text for generated prose. */
  readonly extraText?: string;
}

/** Makes a strategy; validates its own options and throws a TypeError on a bad one. */
export type TrapStrategyFactory = (options: TrapStrategyOptions) => TrapStrategy;
