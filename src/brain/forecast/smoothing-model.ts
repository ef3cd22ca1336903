/** Smoothing weights, each 0..1: of the level, of the trend, of the season. */
export interface SmoothingParameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
}

/** A model fitted to a series: it predicts ahead, and knows how wide its error grows. */
export interface SmoothingModel {
  readonly method: 'holt-winters' | 'simple';
  readonly parameters: SmoothingParameters;
  /** Sum of squared one-step errors in sample (what fitting minimises). */
  readonly sse: number;
  /** Standard deviation of the one-step errors in sample; 0 when there were none to measure. */
  readonly sigma: number;
  /** The point forecast `h` steps after the last value (h ≥ 1). */
  predict(h: number): number;
  /** The standard deviation of the `h`-step forecast error (grows with h). */
  spread(h: number): number;
}
