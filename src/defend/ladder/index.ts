export * from './create-ladder.js';
