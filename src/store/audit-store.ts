import type { AuditEntry } from '../core/index.js';

/** The last link of the chain, kept apart from the entries so that a removed tail shows. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** Which audit entries to list. */
export interface AuditQuery {
  /** Only entries after this sequence number. */
  readonly afterSeq?: number;
  readonly actor?: string;
  readonly action?: string;
  readonly from?: number;
  readonly to?: number;
  /** Default 100, capped at 1000. */
  readonly limit?: number;
}

/** Port: the audit chain. Entries are only appended; nothing in the product edits or deletes them. */
export interface AuditStore {
  /**
   * Appends one entry atomically, across processes: reads the head, calls `link` with it (undefined for an
   * empty log) to build the entry, writes the entry and moves the head. `link` is synchronous and pure.
   */
  append(link: (head: AuditHead | undefined) => AuditEntry): Promise<AuditEntry>;
  head(): Promise<AuditHead | undefined>;
  /** Oldest first. */
  list(query?: AuditQuery): Promise<AuditEntry[]>;
  /** Every stored entry in storage order (the order rows were written), as stored, for verification. */
  scan(): AsyncIterable<AuditEntry>;
  close(): Promise<void>;
}
