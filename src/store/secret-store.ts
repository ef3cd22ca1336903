/** One secret as stored: sealed (encrypted and authenticated) by the secret box, never in the clear. */
export interface SealedSecret {
  /** `totp:<user id>`, `jwt:<key id>`, `provider:<name>`, `webhook:<name>`. */
  readonly name: string;
  readonly sealed: string;
  /** Epoch milliseconds of the last write. */
  readonly updated: number;
}

/** Port: secrets at rest. The store never sees a key or a plaintext. */
export interface SecretStore {
  put(secret: SealedSecret): Promise<void>;
  get(name: string): Promise<SealedSecret | undefined>;
  /** Names starting with `prefix` (all when empty), ordered by name. */
  list(prefix?: string): Promise<SealedSecret[]>;
  remove(name: string): Promise<boolean>;
  /** Replaces the sealed value of every given secret at once (key rotation): all or nothing. */
  replaceAll(secrets: readonly SealedSecret[]): Promise<void>;
  close(): Promise<void>;
}
