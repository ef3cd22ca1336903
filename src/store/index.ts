export * from './intruder-session-store.js';
export * from './memory/create-memory-intruder-session-store.js';
