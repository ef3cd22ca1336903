export * from './cidr.js';
export * from './client-identity.js';
export * from './decision-table.js';
export * from './import/index.js';
export * from './ip-address.js';
export * from './ladder/index.js';
export * from './rate-limit/index.js';
export * from './scenarios/index.js';
