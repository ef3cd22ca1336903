export * from './address-fingerprint.js';
export * from './canonical-address.js';
export * from './privacy-error.js';
export * from './privacy-service.js';
export * from './privacy-types.js';
export * from './truncate-address.js';
export * from './truncate-records.js';
