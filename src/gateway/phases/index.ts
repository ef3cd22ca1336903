export * from './act.js';
export * from './decide.js';
export * from './decisions.js';
export * from './emit.js';
export * from './identify.js';
export * from './inspect.js';
