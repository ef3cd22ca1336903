export * from './change-votes.js';
export * from './classify-change.js';
export * from './impact-preview.js';
export * from './unified-diff.js';
