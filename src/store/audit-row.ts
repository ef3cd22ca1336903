import type { AuditEntry } from '../core/index.js';

/** An audit entry as both SQL adapters store it. */
export interface AuditRow {
  seq: number;
  time: number;
  actor: string;
  action: string;
  target: string;
  outcome: string;
  ip: string;
  details: string;
  prev_hash: string;
  hash: string;
}

// Rows come back as stored, tampered or not: verification, not the store, judges them. Details that are no
// longer JSON come back as their text, so the chain's hash shows the change instead of the scan failing.
export function toEntry(row: AuditRow): AuditEntry {
  let details: unknown;
  try {
    details = JSON.parse(row.details);
  } catch {
    details = row.details;
  }
  return {
    seq: row.seq,
    time: row.time,
    actor: row.actor,
    action: row.action,
    target: row.target,
    outcome: row.outcome as AuditEntry['outcome'],
    ip: row.ip,
    details: details as AuditEntry['details'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The columns of an audit row, in order. */
export const AUDIT_COLUMNS = 'seq, time, actor, action, target, outcome, ip, details, prev_hash, hash';
