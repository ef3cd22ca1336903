export * from './agents/index.js';
export * from './alerts/index.js';
export * from './forecast/index.js';
export * from './llm/index.js';
export * from './runtime/index.js';
