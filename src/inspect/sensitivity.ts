/** How much evidence blocks a request. */
export type Sensitivity = 'low' | 'balanced' | 'high' | 'paranoid';

/** The score at or above which a request is judged an attack, per sensitivity. */
export const THRESHOLDS: Readonly<Record<Sensitivity, number>> = Object.freeze({
  low: 1.2,
  balanced: 0.9,
  high: 0.65,
  paranoid: 0.4,
});
