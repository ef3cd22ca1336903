export * from './start-infinisec.js';
