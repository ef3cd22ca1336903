import type { CanaryUse, Incident, SecurityEvent } from '../../core/index.js';

/**
 * The result of verifying the audit chain, as the audit log's `verify` returns it: an intact chain, or the
 * first problem found.
 */
export interface AuditCheck {
  readonly ok: boolean;
  /** Entries verified before the problem (or all of them). */
  readonly entries: number;
  readonly problem?: { readonly kind: string; readonly seq: number; readonly message: string };
}

/** Everything alert rules look at, one kind per source. */
export type AlertSignal =
  | { readonly kind: 'event'; readonly event: SecurityEvent }
  | { readonly kind: 'canary'; readonly use: CanaryUse }
  | { readonly kind: 'incident'; readonly incident: Incident }
  | { readonly kind: 'audit'; readonly check: AuditCheck };
