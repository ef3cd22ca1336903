export * from './compliance-reporter.js';
export * from './find-chromium.js';
export * from './gather-evidence.js';
export * from './print-pdf.js';
export * from './write-compliance-report.js';
