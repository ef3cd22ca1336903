export { escapeHtml } from '../core/index.js';
export * from './canary/index.js';
export * from './choose-strategy.js';
export * from './create-maze.js';
export * from './default-templates.js';
export * from './intruder-sessions.js';
export * from './maze-types.js';
export * from './trap-strategy-name.js';
