export * from './decision-store.js';
export * from './intruder-session-store.js';
export * from './memory/create-memory-decision-store.js';
export * from './memory/create-memory-intruder-session-store.js';
export * from './sqlite/create-sqlite-decision-store.js';
export * from './sqlite/open-sqlite.js';
