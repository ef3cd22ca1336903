/** One applied configuration. */
export interface ConfigVersion {
  /** 1, 2, 3... */
  readonly version: number;
  readonly time: number;
  /** Who applied it: `user:<name>`, `file`, `startup`. */
  readonly author: string;
  /** The configuration as YAML, secrets redacted. */
  readonly source: string;
  /** SHA-256 hex of the unredacted source, to tell versions apart. */
  readonly digest: string;
  readonly comment: string;
  /**
   * The configuration text as applied, secrets included, sealed by the secret box so that a rollback can apply
   * it again; null for versions recorded without it.
   */
  readonly sealed: string | null;
}

/** Port: the history of applied configurations. */
export interface ConfigVersionStore {
  /** Stores the next version and returns it with its number. */
  append(version: Omit<ConfigVersion, 'version'>): Promise<ConfigVersion>;
  get(version: number): Promise<ConfigVersion | undefined>;
  latest(): Promise<ConfigVersion | undefined>;
  /** Newest first; `limit` defaults to 50. */
  list(limit?: number): Promise<ConfigVersion[]>;
  close(): Promise<void>;
}
