import type { AuditEntry } from '../core/index.js';
import type { AuditQuery } from './audit-store.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** The page size an audit query asks for: 100 by default, at most 1000. */
export function auditLimit(query: AuditQuery): number {
  return Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
}

/** Whether an entry passes every filter of the query (`from` inclusive, `to` exclusive, as for events). */
export function matchesAuditQuery(entry: AuditEntry, query: AuditQuery): boolean {
  return (
    (query.afterSeq === undefined || entry.seq > query.afterSeq) &&
    (query.actor === undefined || entry.actor === query.actor) &&
    (query.action === undefined || entry.action === query.action) &&
    (query.from === undefined || entry.time >= query.from) &&
    (query.to === undefined || entry.time < query.to)
  );
}
