export * from './create-rate-limiter.js';
export * from './rate-limit-types.js';
export * from './shared-rate-limiter.js';
export * from './sliding-window.js';
export * from './token-bucket.js';
