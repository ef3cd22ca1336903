/** Roles, least to most powerful. */
export { ROLES, type Role } from '../../../src/core/principal.js';

import type { Role } from '../../../src/core/principal.js';

/** A user as the API shows it. */
export interface PublicUser {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly mfaEnabled: boolean;
  readonly recoveryCodesLeft: number;
  readonly created: number;
  readonly lastLogin: number | null;
  readonly disabled: boolean;
  readonly locked: boolean;
}

/** What a login or a refresh returns. */
export interface Tokens {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly user: PublicUser;
}

/** Who the caller is (`GET /api/auth/me`). */
export interface Me {
  readonly kind: 'user' | 'apikey';
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly scopes: readonly string[];
  readonly mfa: boolean;
  readonly user?: PublicUser;
}

/** An API key as the API shows it (never its secret). */
export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly scopes: readonly string[];
  readonly created: number;
  readonly createdBy: string;
  readonly expires: number | null;
  readonly lastUsed: number | null;
  readonly revoked: boolean;
}
