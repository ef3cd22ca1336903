export * from './create-scenario-engine.js';
export * from './scenario-types.js';
