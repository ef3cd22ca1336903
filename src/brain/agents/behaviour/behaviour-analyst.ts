import type { BehaviourFeatures, BehaviourSignal, SecurityEvent } from '../../../core/index.js';
import { LruMap } from '../../runtime/lru-map.js';
import { clientKey } from '../shared/client-key.js';
import {
  BEHAVIOUR_FEATURES,
  type BehaviourAnalystOptions,
  DEFAULT_BEHAVIOUR_OPTIONS,
  type FeatureSpec,
  type ResolvedBehaviourOptions,
} from './behaviour-options.js';
import { ClientActivity } from './client-activity.js';
import { RobustBaseline } from './robust-baseline.js';

type SiteBaseline = Map<FeatureSpec['name'], RobustBaseline>;

/** A site's baselines as plain samples per feature, to keep across restarts. */
export type BaselineSnapshot = Readonly<Record<string, readonly number[]>>;

/** How far one feature is out of line: robust z-score on its suspicious side, 0 on the other. */
function zScore(spec: FeatureSpec, value: number, baseline: RobustBaseline): { z: number; median: number } {
  const { median, scale } = baseline.stats();
  const spread = Math.max(scale, spec.minScale, spec.relative * Math.abs(median));
  const z = (spec.direction === 'high' ? value - median : median - value) / spread;
  return { z: Math.max(0, z), median };
}

/**
 * Streams each client's requests into features (rate, error ratio, distinct paths, timing regularity,
 * identities per address), in bounded memory, and scores them against the baseline of the client's own
 * site: per feature, the median and MAD of recent normal clients. A feature `threshold` MADs or more on its
 * suspicious side makes a signal. A client feeds its site's baseline when judged normal, once per doubling
 * of its requests, so that neither a busy client nor an anomalous one drags the baseline along.
 *
 * @example
 * const analyst = new BehaviourAnalyst();
 * const signal = analyst.observe(event); // a BehaviourSignal, or undefined
 */
export class BehaviourAnalyst {
  readonly #options: ResolvedBehaviourOptions;
  readonly #clients: LruMap<string, ClientActivity>;
  readonly #sites: LruMap<string, SiteBaseline>;
  #signals = 0;

  constructor(options: BehaviourAnalystOptions = {}) {
    this.#options = { ...DEFAULT_BEHAVIOUR_OPTIONS, ...options };
    this.#clients = new LruMap(this.#options.maxClients, this.#options.idleMs);
    this.#sites = new LruMap(this.#options.maxSites);
  }

  /** Clients followed now. */
  get clients(): number {
    return this.#clients.size;
  }

  observe(event: SecurityEvent): BehaviourSignal | undefined {
    const { minRequests, evaluateEvery, threshold, signalEveryMs } = this.#options;
    const key = clientKey(event.site, event.client.prefix);
    let activity = this.#clients.get(key, event.time);
    if (activity === undefined) {
      activity = new ClientActivity(event.time);
      this.#clients.set(key, activity, event.time);
    }
    activity.observe(event);
    if (activity.requests < minRequests || activity.requests - activity.evaluatedAt < evaluateEvery) return;
    activity.evaluatedAt = activity.requests;
    const features = activity.features();
    const baseline = this.#baseline(event.site);
    const { worst, reasons } = this.#judge(features, baseline);
    const ready = [...baseline.values()].every((b) => b.size >= this.#options.minSamples);
    if (!ready || worst < threshold) {
      if (activity.requests >= 2 * activity.sampledAt) {
        activity.sampledAt = activity.requests;
        for (const spec of BEHAVIOUR_FEATURES) baseline.get(spec.name)!.add(features[spec.name]);
      }
      return undefined;
    }
    const score = 1 - 2 ** (-worst / threshold);
    if (event.time - activity.signalTime < signalEveryMs && score < activity.signalScore + 0.1)
      return undefined;
    activity.signalTime = event.time;
    activity.signalScore = score;
    return {
      id: `signal-${event.time.toString(36)}-${(this.#signals++).toString(36)}`,
      time: event.time,
      site: event.site,
      client: event.client,
      score,
      features,
      reasons,
    };
  }

  /** Forgets the clients idle for `idleMs`; returns how many. */
  expire(now: number): number {
    return this.#clients.expire(now).length;
  }

  /** Every site's baseline samples. */
  snapshot(): Record<string, BaselineSnapshot> {
    const out: Record<string, BaselineSnapshot> = {};
    for (const [site, baseline] of this.#sites.entries())
      out[site] = Object.fromEntries([...baseline].map(([name, b]) => [name, b.samples()]));
    return out;
  }

  /** Takes back a site's baseline from a snapshot; unknown features are ignored. */
  restore(site: string, snapshot: BaselineSnapshot): void {
    const baseline = this.#baseline(site);
    for (const spec of BEHAVIOUR_FEATURES) {
      const samples = snapshot[spec.name];
      if (Array.isArray(samples))
        baseline.set(
          spec.name,
          new RobustBaseline(this.#options.baselineSize, samples.filter(Number.isFinite)),
        );
    }
  }

  #baseline(site: string): SiteBaseline {
    let baseline = this.#sites.get(site, 0);
    if (baseline === undefined) {
      baseline = new Map(
        BEHAVIOUR_FEATURES.map((spec) => [spec.name, new RobustBaseline(this.#options.baselineSize)]),
      );
      this.#sites.set(site, baseline, 0);
    }
    return baseline;
  }

  #judge(features: BehaviourFeatures, baseline: SiteBaseline): { worst: number; reasons: string[] } {
    let worst = 0;
    const reasons: string[] = [];
    for (const spec of BEHAVIOUR_FEATURES) {
      const b = baseline.get(spec.name)!;
      if (b.size === 0) continue;
      const { z, median } = zScore(spec, features[spec.name], b);
      worst = Math.max(worst, z);
      if (z >= this.#options.threshold)
        reasons.push(
          `${spec.name} ${spec.describe(features[spec.name])} against a site median of ${spec.describe(median)}`,
        );
    }
    return { worst, reasons };
  }
}
