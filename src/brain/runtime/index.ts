export * from './agent.js';
export * from './agent-health.js';
export * from './agent-memory.js';
export * from './create-agent-runtime.js';
export * from './lru-map.js';
export * from './restart-policy.js';
