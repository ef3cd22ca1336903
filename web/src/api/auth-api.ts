import type { Me, Tokens } from './account-types';
import { apiRequest } from './api-client';

/** Credentials of a login; `code` or `recoveryCode` once the API asked for a second factor. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
  readonly code?: string;
  readonly recoveryCode?: string;
}

/** Signs in; rejects with an ApiError whose body has `mfaRequired` when a second factor is needed. */
export const login = (credentials: Credentials) =>
  apiRequest<Tokens>('POST', '/api/auth/login', { json: credentials, anonymous: true });

/** Ends the login the refresh token belongs to. */
export const logout = (refreshToken: string) =>
  apiRequest<void>('POST', '/api/auth/logout', { json: { refreshToken } });

/** Who the caller is. */
export const fetchMe = () => apiRequest<Me>('GET', '/api/auth/me');

/** Starts TOTP enrolment. */
export const enrollMfa = () => apiRequest<{ secret: string; uri: string }>('POST', '/api/auth/mfa/enroll');

/** Confirms enrolment with a code; the recovery codes come back once. */
export const confirmMfa = (code: string) =>
  apiRequest<{ recoveryCodes: string[] }>('POST', '/api/auth/mfa/confirm', { json: { code } });

/** Turns MFA off. */
export const disableMfa = (password: string) =>
  apiRequest<void>('POST', '/api/auth/mfa/disable', { json: { password } });

/** Changes the caller's password (ends all its logins). */
export const changePassword = (current: string, next: string) =>
  apiRequest<void>('POST', '/api/auth/password', { json: { current, next } });

/** Creates the first admin with the one-time setup token; refused once any user exists. */
export const createFirstAdmin = (setup: { token: string; username: string; password: string }) =>
  apiRequest<unknown>('POST', '/api/setup', { json: setup, anonymous: true });
