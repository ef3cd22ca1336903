export type { Actor, Actors } from './actors.js';
export { formatColumns, formatStep, formatSummary } from './format-timeline.js';
export { playWave } from './play-wave.js';
export type { Demo, DemoOptions } from './start-demo.js';
export { startDemo } from './start-demo.js';
export type { StepReport, TimelineEntry, WaveReport } from './timeline.js';
