export * from './create-challenge.js';
