import type { IncidentSeverity } from '../../../core/index.js';

/** What to do about a client: the action of the decision and how long it stands. */
export interface ResponseRule {
  readonly action: 'challenge' | 'labyrinth' | 'tarpit' | 'block';
  readonly durationMs: number;
}

/** How the responder turns incidents and behaviour signals into decisions. */
export interface ResponsePolicy {
  /** Per severity, the decision for each client of an open incident; null for none. */
  readonly bySeverity: Readonly<Record<IncidentSeverity, ResponseRule | null>>;
  /** The decision for a client whose behaviour signal scores `minScore` or more; null for none. */
  readonly signal: (ResponseRule & { readonly minScore: number }) | null;
  /** Addresses and ranges never decided on (`192.0.2.10`, `10.0.0.0/8`, `2001:db8::/32`). */
  readonly allowList: readonly string[];
  /** Decisions at most per incident, its first clients first. */
  readonly maxPerIncident: number;
}

const MINUTE = 60_000;

/**
 * Defaults: nothing for a low incident; a challenge for 15 minutes (medium), the maze for an hour (high), a
 * ban for a day (critical); a challenge for 30 minutes for a behaviour signal scoring 0.75 or more (about
 * twice the anomaly threshold); at most 1,000 decisions per incident; nobody on the allow list.
 */
export const DEFAULT_RESPONSE_POLICY: ResponsePolicy = Object.freeze<ResponsePolicy>({
  bySeverity: Object.freeze({
    low: null,
    medium: { action: 'challenge', durationMs: 15 * MINUTE },
    high: { action: 'labyrinth', durationMs: 60 * MINUTE },
    critical: { action: 'block', durationMs: 24 * 60 * MINUTE },
  }),
  signal: { action: 'challenge', durationMs: 30 * MINUTE, minScore: 0.75 },
  allowList: [],
  maxPerIncident: 1000,
});

const STRENGTH: Readonly<Record<string, number>> = { challenge: 1, labyrinth: 2, tarpit: 2, block: 3 };

/** How strong an action holds a client: 0 for those that do not (allow, log, ratelimit), 3 for a ban. */
export const actionStrength = (action: string): number => STRENGTH[action] ?? 0;
