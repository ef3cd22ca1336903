export * from './create-extractor.js';
export * from './extract-body-rest.js';
export * from './extract-limits.js';
export * from './extract-request.js';
