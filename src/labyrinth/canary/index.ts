export * from './canaries.js';
export * from './canary-kind.js';
export { type CanaryOptions, DEFAULT_EMAIL_DOMAIN, DEFAULT_INTERNAL_HOST } from './canary-options.js';
export { MAX_CANDIDATES } from './canary-scanner.js';
export { createCanaries } from './create-canaries.js';
