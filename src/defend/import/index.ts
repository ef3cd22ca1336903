export * from './parse-decision-import.js';
