import type { AuditEntry } from '../core/index.js';
import type { AuditHead, AuditStore } from '../store/audit-store.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';

/** How the chain was broken, at the first entry that does not verify. */
export type AuditProblemKind = 'changed' | 'removed' | 'reordered' | 'inserted' | 'truncated';

/** The first break in the chain: its kind, the seq it is at, and a sentence for people. */
export interface AuditProblem {
  readonly kind: AuditProblemKind;
  readonly seq: number;
  readonly message: string;
}

/** What `verify` found: an intact chain and its head, or the first problem and how many entries precede it. */
export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly head: AuditHead | undefined }
  | { readonly ok: false; readonly entries: number; readonly problem: AuditProblem };

const fits = (row: AuditEntry, seq: number, prevHash: string) =>
  row.seq === seq && row.prevHash === prevHash && auditHash(row) === row.hash;

const broken = (kind: AuditProblemKind, seq: number, message: string): AuditVerification => ({
  ok: false,
  entries: seq - 1,
  problem: { kind, seq, message },
});

/**
 * Walks the stored rows in storage order, each of which must be the next seq, link to the hash of the one
 * before and hash to its own `hash`; then checks the end against the head. Streams: a second pass over the
 * rows, to tell a removed entry from a moved one, runs only when the chain is broken.
 */
export async function verifyAuditChain(store: AuditStore): Promise<AuditVerification> {
  const before = await store.head();
  let seq = 1;
  let prevHash = GENESIS_HASH;
  let index = 0;
  let vouched: string | undefined; // the hash of the entry the head names, as found
  for await (const row of store.scan()) {
    if (!fits(row, seq, prevHash)) return classify(store, row, index, seq, prevHash, before);
    if (row.seq === before?.seq) vouched = row.hash;
    prevHash = row.hash;
    seq++;
    index++;
  }
  const last = seq - 1;
  const lastHead = last === 0 ? undefined : { seq: last, hash: prevHash };
  if (before !== undefined && before.seq > last) {
    const cut = before.seq > last + 1 ? `entries ${last + 1}–${before.seq} are` : `entry ${last + 1} is`;
    return broken(
      'truncated',
      last + 1,
      `${cut} missing from the end: the chain head names entry ${before.seq}, the log ${last === 0 ? 'is empty' : `ends at entry ${last}`}`,
    );
  }
  if (before !== undefined && before.seq >= 1 && vouched !== before.hash)
    return broken(
      'changed',
      before.seq,
      `entry ${before.seq} was changed: its hash is not the one the chain head recorded (rewritten with a recomputed hash)`,
    );
  if (last > (before?.seq ?? 0)) {
    // Past the head read at the start: appended while verifying, or written around the log.
    const after = await store.head();
    const headSeq = after?.seq ?? 0;
    if (headSeq < last)
      return broken('inserted', headSeq + 1, `entries from ${headSeq + 1} on are ${beyond(headSeq)}`);
    if (headSeq === last && after?.hash !== prevHash)
      return broken(
        'changed',
        last,
        `entry ${last} was changed: its hash is not the one the chain head recorded`,
      );
  }
  return { ok: true, entries: last, head: lastHead };
}

// Rows past the head were written around the log (the log moves the head with every entry it writes).
const beyond = (headSeq: number) =>
  headSeq === 0
    ? 'stored with no chain head: the head was removed, or rows were added around the log'
    : `beyond the chain head (entry ${headSeq}): added around the log`;

async function classify(
  store: AuditStore,
  row: AuditEntry,
  at: number,
  seq: number,
  prevHash: string,
  before: AuditHead | undefined,
): Promise<AuditVerification> {
  const headSeq = Math.max(before?.seq ?? 0, (await store.head())?.seq ?? 0);
  if (seq > headSeq)
    return broken('inserted', seq, `a row claiming to be entry ${String(row.seq)} is ${beyond(headSeq)}`);
  const selfConsistent = auditHash(row) === row.hash;
  if (row.seq === seq) {
    // The row is the right one and hashes to itself, but the link to the one before is gone: the one before
    // was edited and its hash recomputed.
    if (selfConsistent && seq > 1)
      return broken(
        'changed',
        seq - 1,
        `entry ${seq - 1} was changed: its hash was recomputed, and entry ${seq} no longer links to it`,
      );
    return broken(
      'changed',
      seq,
      row.prevHash === prevHash
        ? `entry ${seq} was changed: its contents no longer match its hash`
        : `entry ${seq} was changed: it no longer links to ${seq === 1 ? 'the start of the chain' : `entry ${seq - 1}`}`,
    );
  }
  if (row.prevHash === prevHash)
    return broken('changed', seq, `entry ${seq} was changed: it is numbered ${String(row.seq)}`);

  // Something else stands where entry `seq` belongs: is that entry further on (moved) or gone (removed)?
  let moved = false;
  let sameSeq = 0;
  let index = 0;
  for await (const other of store.scan()) {
    if (index > at && other.seq === seq) moved = true;
    if (index !== at && other.seq === row.seq) sameSeq++;
    index++;
  }
  const found = String(row.seq);
  if (!moved) {
    const gap =
      typeof row.seq === 'number' && row.seq > seq + 1
        ? `entries ${seq}–${row.seq - 1} are`
        : `entry ${seq} is`;
    return broken(
      'removed',
      seq,
      `${gap} missing: entry ${found} ${seq === 1 ? 'comes first' : `follows entry ${seq - 1}`}`,
    );
  }
  const foreign = sameSeq > 0 || !Number.isSafeInteger(row.seq) || row.seq < 1 || row.seq > headSeq;
  return foreign
    ? broken('inserted', seq, `a row claiming to be entry ${found} was inserted before entry ${seq}`)
    : broken('reordered', seq, `entry ${seq} is out of place: entry ${found} is stored where it belongs`);
}
