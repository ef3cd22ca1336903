export * from './corpus-case.js';
export * from './format-scan-report.js';
export * from './scan-corpus.js';
