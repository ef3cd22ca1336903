export * from './analyzer.js';
export * from './inspector.js';
