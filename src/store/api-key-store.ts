import type { ApiKey } from '../core/index.js';

/** Port: API keys for automation, stored hashed. */
export interface ApiKeyStore {
  create(key: ApiKey): Promise<void>;
  get(id: string): Promise<ApiKey | undefined>;
  /** Newest first. */
  list(): Promise<ApiKey[]>;
  update(id: string, patch: Partial<Pick<ApiKey, 'lastUsed' | 'revoked'>>): Promise<ApiKey | undefined>;
  remove(id: string): Promise<boolean>;
  close(): Promise<void>;
}
