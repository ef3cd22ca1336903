export * from './assert-servable.js';
export * from './start-infinisec.js';
