export * from './audit-export.js';
export * from './audit-log.js';
export * from './changes/index.js';
export * from './privacy/index.js';
export * from './rotate-secrets.js';
export * from './secret-box.js';
export * from './verify-audit-chain.js';
