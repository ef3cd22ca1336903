import type { Action } from './action.js';

/** What a decision applies to. */
export type DecisionScope = 'ip' | 'cidr' | 'fingerprint' | 'apikey' | 'session';

/** Where a decision came from. */
export type DecisionSource = 'agent' | 'manual' | 'import' | 'canary';

/** A standing order about a client, such as a ban, looked up on every request. */
export interface Decision {
  readonly id: string;
  readonly scope: DecisionScope;
  readonly value: string;
  readonly action: Action;
  readonly reason: string;
  readonly source: DecisionSource;
  /** Epoch milliseconds. */
  readonly created: number;
  /** Epoch milliseconds; `null` for a decision that never expires. */
  readonly expires: number | null;
  readonly createdBy: string;
}
