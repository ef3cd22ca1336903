export * from './create-gateway.js';
export * from './gateway-snapshot.js';
export * from './listener.js';
export * from './pipeline.js';
export * from './replay/replay-verdict.js';
export * from './site-router.js';
