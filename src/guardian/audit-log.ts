import type { AuditEntry, AuditRecord } from '../core/index.js';
import type { AuditStore } from '../store/audit-store.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { canonicalJson } from './canonical-json.js';
import { type AuditVerification, verifyAuditChain } from './verify-audit-chain.js';

/** What to record; `time` defaults to the log's clock. */
export type AuditInput = Omit<AuditRecord, 'time'> & { readonly time?: number };

/** The hash-chained audit log. */
export interface AuditLog {
  /** Chains and stores one entry; appends from one process land in call order. */
  append(record: AuditInput): Promise<AuditEntry>;
  /** Walks the stored chain and names the first entry changed, removed or reordered. */
  verify(): Promise<AuditVerification>;
}

/**
 * The audit log over a store: each entry carries the hash of the one before, so any change shows on `verify`.
 * Appends are queued here, one at a time, and the store makes each atomic against other processes.
 * @example const audit = createAuditLog(store);
 * await audit.append({ actor: 'cli', action: 'decision.create', target: id, outcome: 'success', ip: '', details: {} });
 */
export function createAuditLog(store: AuditStore, clock: () => number = Date.now): AuditLog {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async append(record) {
      const time = record.time ?? clock();
      if (!Number.isSafeInteger(time))
        throw new TypeError(`audit: time must be epoch milliseconds, not ${time}`);
      // Through JSON once, so the entry returned is exactly what a reader of the store gets back.
      const details = JSON.parse(canonicalJson(record.details ?? {})) as AuditRecord['details'];
      const { actor, action, target, outcome, ip } = record;
      const appended = queue.then(() =>
        store.append((head) => {
          const body = {
            seq: (head?.seq ?? 0) + 1,
            time,
            actor,
            action,
            target,
            outcome,
            ip,
            details,
            prevHash: head?.hash ?? GENESIS_HASH,
          };
          return { ...body, hash: auditHash(body) };
        }),
      );
      queue = appended.catch(() => undefined);
      return appended;
    },
    verify() {
      return verifyAuditChain(store);
    },
  };
}
