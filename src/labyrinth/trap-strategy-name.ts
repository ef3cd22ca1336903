export { TRAP_STRATEGIES, type TrapStrategyName } from '../core/index.js';
