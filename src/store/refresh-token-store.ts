import type { RefreshToken } from '../core/index.js';

/** Port: refresh tokens, stored hashed, grouped in families that rotate. */
export interface RefreshTokenStore {
  put(token: RefreshToken): Promise<void>;
  get(hash: string): Promise<RefreshToken | undefined>;
  /** Marks the token used; true only for the one caller that found it unused (atomic). */
  markUsed(hash: string): Promise<boolean>;
  /** Revokes every token of the family; returns how many. */
  revokeFamily(family: string): Promise<number>;
  /** Revokes every token of the user (logout everywhere, password change, user removed). */
  revokeUser(userId: string): Promise<number>;
  /** Removes tokens that expired before this epoch millisecond. */
  prune(before: number): Promise<number>;
  close(): Promise<void>;
}
