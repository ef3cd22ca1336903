export * from './assert-servable.js';
export * from './decision-persistence.js';
export * from './inspector-for.js';
export * from './start-infinisec.js';
