export * from './analyzer.js';
export * from './inspectable.js';
export * from './inspector.js';
export * from './parsed-request.js';
export * from './transform.js';
