import type { Action } from '../../core/index.js';

/** What a scenario counts, from a finished request. */
export interface ScenarioEvent {
  readonly path: string;
  readonly method: string;
  /** The status the client got. */
  readonly status: number;
  /** The analyzers that found something in the request (`sqli`, `scanner`…). */
  readonly analyzers: readonly string[];
  readonly ip: string;
  readonly prefix: string;
}

/** A behaviour scenario: a leaky bucket per client over the requests that match it. */
export interface Scenario {
  readonly name: string;
  /** Statuses that count (e.g. 404 for scanning, 401/403 for failed logins); empty: any. */
  readonly statuses: readonly number[];
  /** Path prefixes that count; empty: any. */
  readonly paths: readonly string[];
  readonly methods: readonly string[];
  /** Only requests in which one of these analyzers found something count; empty: any request. */
  readonly analyzers: readonly string[];
  readonly key: 'ip' | 'prefix';
  /** Count each distinct path once per bucket (path enumeration), instead of every request. */
  readonly distinctPaths: boolean;
  /** Requests the bucket holds; one more overflows it. */
  readonly capacity: number;
  /** Milliseconds for one request to leak out. */
  readonly leakMs: number;
  /** What the client gets on overflow, and for how long (multiplied by `growth` for each earlier overflow). */
  readonly action: Action;
  readonly banMs: number;
  readonly growth: number;
  readonly maxBanMs: number;
  /** With a ladder: the risk an overflow adds. */
  readonly risk?: number;
  /**
   * What a request that matches everything but `statuses` drains from the bucket (0: nothing). With 1, the
   * bucket holds errors minus successes: it overflows on a high error ratio, not on errors alone.
   */
  readonly drainOnOther?: number;
}

/** A bucket that overflowed: which scenario, for whom, and the decision it calls for. */
export interface ScenarioOverflow {
  readonly scenario: Scenario;
  /** The address or prefix the decision is about. */
  readonly value: string;
  readonly scope: 'ip' | 'cidr';
  readonly action: Action;
  readonly durationMs: number;
  /** Earlier overflows of this scenario by this client (0 the first time). */
  readonly offences: number;
}
