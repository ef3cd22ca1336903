/** What an audit entry records, before it is chained. */
export interface AuditRecord {
  /** Epoch milliseconds. */
  readonly time: number;
  /** Who acted: `user:<name>`, `apikey:<id>`, `system`, `cli`. */
  readonly actor: string;
  /** What was done, dotted: `auth.login`, `decision.create`, `config.apply`. */
  readonly action: string;
  /** What it was done to: a decision id, a user name, a config version. */
  readonly target: string;
  /** `success` or `failure`. */
  readonly outcome: 'success' | 'failure';
  /** Address the action came from, when it came over the network. */
  readonly ip: string;
  /** Further facts; never secrets. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** One link of the audit chain: the record, its place and the hashes that bind it to the one before. */
export interface AuditEntry extends AuditRecord {
  /** 1, 2, 3... with no gaps. */
  readonly seq: number;
  /** SHA-512 hex of the previous entry; 128 zeros for the first. */
  readonly prevHash: string;
  /** SHA-512 hex over prevHash, seq and the record. */
  readonly hash: string;
}
