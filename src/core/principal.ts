/** Roles a person or an API key may hold, least to most powerful. */
export const ROLES = ['viewer', 'analyst', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A person who may use the control plane. */
export interface User {
  readonly id: string;
  /** Unique, case-folded login name. */
  readonly username: string;
  readonly role: Role;
  /** An argon2id PHC string; never leaves the control plane. */
  readonly passwordHash: string;
  /** Whether a TOTP second factor is enrolled and verified (its seed is a secret named `totp:<id>`). */
  readonly mfaEnabled: boolean;
  /** SHA-256 hex digests of the unused recovery codes. */
  readonly recoveryCodes: readonly string[];
  /** Failed logins since the last success. */
  readonly failedLogins: number;
  /** Epoch milliseconds until which logins are refused; 0 when not locked. */
  readonly lockedUntil: number;
  readonly created: number;
  /** Epoch milliseconds of the last successful login, or null. */
  readonly lastLogin: number | null;
  readonly disabled: boolean;
}

/** A key for automation: acts with the permissions of its scopes, never more than its role. */
export interface ApiKey {
  /** Public part, shown in lists and in the key itself (`isk_<id>_<secret>`). */
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** Permissions this key is limited to; empty means all those of its role. */
  readonly scopes: readonly string[];
  /** SHA-256 hex digest of the secret part. */
  readonly secretHash: string;
  readonly created: number;
  readonly createdBy: string;
  /** Epoch milliseconds; null for a key that never expires. */
  readonly expires: number | null;
  readonly lastUsed: number | null;
  readonly revoked: boolean;
}

/** One refresh token of a login; tokens of one login form a family that rotates on every use. */
export interface RefreshToken {
  /** SHA-256 hex digest of the token. */
  readonly hash: string;
  readonly family: string;
  readonly userId: string;
  readonly created: number;
  readonly expires: number;
  /** Set once the token has been exchanged; a second use revokes the family. */
  readonly used: boolean;
  readonly revoked: boolean;
}
