export { STRATEGY_BY_ANALYZER, type TrapStrategyName as TrapStrategy } from '../../../core/index.js';
