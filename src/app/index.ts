export * from './assert-servable.js';
export * from './decision-persistence.js';
export * from './inspector-for.js';
export * from './open-stores.js';
export * from './rollback-config-file.js';
export * from './secret-key.js';
export * from './start-infinisec.js';
export * from './workers.js';
