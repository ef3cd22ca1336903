import type { BehaviourFeatures } from '../../../core/index.js';

/** How the behaviour analyst judges clients; every field has a default. */
export interface BehaviourAnalystOptions {
  /** Clients followed at once (least recently seen forgotten first); default 10,000. */
  readonly maxClients?: number;
  /** A client unseen this long is forgotten; default 900,000 ms (15 minutes). */
  readonly idleMs?: number;
  /** Requests before a client is judged at all; default 20. */
  readonly minRequests?: number;
  /** Then judged again every this many requests; default 10. */
  readonly evaluateEvery?: number;
  /** Clients a site's baseline needs before anyone is judged against it; default 30. */
  readonly minSamples?: number;
  /** Samples kept per site and feature; default 256. */
  readonly baselineSize?: number;
  /** Robust z-score (MADs from the site's median) from which a feature is out of line; default 3.5. */
  readonly threshold?: number;
  /** A client gets at most one signal this often, unless its score grows by 0.1; default 60,000 ms. */
  readonly signalEveryMs?: number;
  /** Sites followed at once; default 1,000. */
  readonly maxSites?: number;
}

/** How one feature is compared with its site's baseline. */
export interface FeatureSpec {
  readonly name: Exclude<keyof BehaviourFeatures, 'requests'>;
  /** Which side is suspicious: a high rate, a low timing variation. */
  readonly direction: 'high' | 'low';
  /** The spread never counts as less than this, or less than `relative` × the median: identical normal
   * clients would otherwise make any difference infinitely suspicious. */
  readonly minScale: number;
  readonly relative: number;
  readonly describe: (value: number) => string;
}

const fixed = (digits: number) => (value: number) => value.toFixed(digits);

/** The features judged, and how. */
export const BEHAVIOUR_FEATURES: readonly FeatureSpec[] = [
  { name: 'rate', direction: 'high', minScale: 2, relative: 0.25, describe: (v) => `${v.toFixed(1)}/min` },
  {
    name: 'errorRatio',
    direction: 'high',
    minScale: 0.1,
    relative: 0,
    describe: (v) => `${Math.round(v * 100)}%`,
  },
  { name: 'distinctPaths', direction: 'high', minScale: 2, relative: 0.25, describe: fixed(0) },
  { name: 'timingCv', direction: 'low', minScale: 0.1, relative: 0.1, describe: fixed(2) },
  { name: 'fingerprints', direction: 'high', minScale: 0.5, relative: 0, describe: fixed(0) },
];

/** The options with their defaults filled in. */
export type ResolvedBehaviourOptions = Required<BehaviourAnalystOptions>;

export const DEFAULT_BEHAVIOUR_OPTIONS: ResolvedBehaviourOptions = Object.freeze({
  maxClients: 10_000,
  idleMs: 900_000,
  minRequests: 20,
  evaluateEvery: 10,
  minSamples: 30,
  baselineSize: 256,
  threshold: 3.5,
  signalEveryMs: 60_000,
  maxSites: 1000,
});
