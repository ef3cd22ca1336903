import type { ClientIdentity } from './client.js';
import type { Decision } from './decision.js';
import type { Incident } from './incident.js';
import type { CanaryUse, IntruderSession } from './intruder-session.js';
import type { RequestSample } from './request-sample.js';
import type { SecurityEvent } from './security-event.js';

/** What the behaviour analyst measures of one client, over its requests still in memory. */
export interface BehaviourFeatures {
  readonly requests: number;
  /** Requests per minute. */
  readonly rate: number;
  /** Share of answers with a status of 400 or more, 0..1. */
  readonly errorRatio: number;
  readonly distinctPaths: number;
  /** Coefficient of variation of the times between requests: near 0 for a metronome, about 1 for people. */
  readonly timingCv: number;
  /** Distinct fingerprints and user agents seen from the address. */
  readonly fingerprints: number;
}

/** A client behaving unlike the other clients of its site. */
export interface BehaviourSignal {
  readonly id: string;
  readonly time: number;
  readonly site: string;
  /** The client as its latest request showed it. */
  readonly client: ClientIdentity;
  /** 0..1: 0.5 at the anomaly threshold, nearer 1 the further past it. */
  readonly score: number;
  readonly features: BehaviourFeatures;
  /** One line per feature out of line, e.g. `rate 240/min against a site median of 6/min`. */
  readonly reasons: readonly string[];
}

/** The brain's advice on the trap strategy that suits one intruder better than the one it has. */
export interface StrategyAdvice {
  readonly time: number;
  readonly site: string;
  /** The intruder session id. */
  readonly intruder: string;
  readonly current: string;
  readonly strategy: string;
  readonly reasons: readonly string[];
}

/** The topics of the process-wide event bus and what each carries. */
export interface Topics {
  /** One per request, after its response is complete. */
  'security.event': SecurityEvent;
  /** A request taken into the sample that change previews replay (redacted). */
  'request.sampled': RequestSample;
  /** A new configuration was swapped in (version counts from 1 at start). */
  'config.applied': { readonly version: number; readonly source: string };
  /** A configuration was refused; the running one stays. */
  'config.refused': { readonly source: string; readonly problems: readonly string[] };
  /** An intruder session began or changed (at most once per page served). */
  'labyrinth.session': IntruderSession;
  /** A canary served by the maze was used in a request. */
  'labyrinth.canary': CanaryUse;
  /** The gateway made a decision about a client (a scenario overflowed, a canary came back). */
  'decision.made': Decision;
  /** The behaviour analyst found a client out of line with its site. */
  'brain.signal': BehaviourSignal;
  /** An incident opened, or changed status, severity, kind or clients. */
  'brain.incident': Incident;
  /** The strategist advises another trap strategy for an intruder. */
  'brain.strategy': StrategyAdvice;
}
