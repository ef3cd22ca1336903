import type { Action } from './action.js';

/** What a change request changes. */
export const CHANGE_KINDS = ['config', 'exclusion', 'decision', 'rollback'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** `pending` until approved (→ `applied`, or `failed` when applying it failed), `rejected` or `expired`. */
export const CHANGE_STATUSES = ['pending', 'applied', 'rejected', 'expired', 'failed'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** Low impact is approved by policy; high impact waits for approvers who are not the requester. */
export type ChangeImpact = 'low' | 'high';

/** How many sampled requests would move from one action to another. */
export interface VerdictShift {
  readonly from: Action;
  readonly to: Action;
  readonly count: number;
}

/** One sampled request whose verdict would change. */
export interface ImpactExample {
  /** The sample's id (its event id). */
  readonly sample: string;
  readonly time: number;
  readonly site: string;
  readonly method: string;
  /** Redacted, and cut to 200 characters. */
  readonly target: string;
  readonly from: Action;
  readonly to: Action;
  /** Why the new verdict is what it is (`detector/sqli`, `decision/ban`, `excluded`...). */
  readonly reason: string;
}

/** A change replayed offline over the request sample, through the running and the proposed configuration. */
export interface ImpactPreview {
  /** Requests replayed. */
  readonly samples: number;
  /** Time of the oldest and newest replayed request, null when there were none. */
  readonly from: number | null;
  readonly to: number | null;
  /** Requests whose action would change. */
  readonly changed: number;
  /** Requests that pass today and would be stopped (challenged, slowed, trapped or blocked). */
  readonly stricter: number;
  /** Requests stopped today that would pass. */
  readonly looser: number;
  /** Changes by pair of actions, largest first. */
  readonly shifts: readonly VerdictShift[];
  /** Up to 10 changed requests, stricter ones first. */
  readonly examples: readonly ImpactExample[];
}

/** An approval or a rejection. */
export interface ChangeVote {
  /** `user:<name>` or `apikey:<id>`. */
  readonly actor: string;
  readonly time: number;
  readonly comment: string;
}

/** What applying a change request did. */
export interface ChangeResult {
  /** The configuration version it made, for config, exclusion and rollback requests. */
  readonly version?: number;
  /** The decision it made, for decision requests. */
  readonly decision?: string;
  /** Why it could not be applied (status `failed`). */
  readonly error?: string;
}

/** A risky change, previewed, waiting for (or past) its approval. */
export interface ChangeRequest {
  readonly id: string;
  readonly kind: ChangeKind;
  readonly status: ChangeStatus;
  readonly impact: ChangeImpact;
  /** One line: what it does (`add an exclusion that silences analyzer sqli on every site, paths under /search`). */
  readonly summary: string;
  /** Why the impact is what it is, one line each. */
  readonly reasons: readonly string[];
  /** `user:<name>`, `apikey:<id>`, `agent:<name>`, `cli`. */
  readonly requester: string;
  readonly comment: string;
  readonly created: number;
  /** When a pending request expires, epoch milliseconds. */
  readonly expires: number;
  /** Approvals needed before it applies (0 when policy approved it). */
  readonly approvalsNeeded: number;
  readonly approvals: readonly ChangeVote[];
  readonly rejection: ChangeVote | null;
  readonly preview: ImpactPreview | null;
  /** A unified diff of the configuration, secrets redacted; '' when it is not a configuration change. */
  readonly diff: string;
  /** What to apply, sealed (it may hold secrets); never shown. */
  readonly payload: string;
  readonly result: ChangeResult | null;
  /** When it was applied, rejected, expired or failed; null while pending. */
  readonly decided: number | null;
}
