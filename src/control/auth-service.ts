import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ROLES, Role, User } from '../core/index.js';
import type { AuditLog, SecretBox } from '../guardian/index.js';
import type { ApiKeyStore, RefreshTokenStore, SecretStore, UserStore } from '../store/index.js';
import { createAddressFailures } from './address-failures.js';
import {
  apiKeySecretMatches,
  consumeRecoveryCode,
  generateRecoveryCodes,
  generateTotpSecret,
  hashPassword,
  hashRecoveryCode,
  hashRefreshToken,
  lockoutAfterFailure,
  lockRemaining,
  mintRefreshToken,
  parseApiKey,
  passwordProblem,
  signAccessToken,
  totpUri,
  verifyAccessToken,
  verifyAgainstNothing,
  verifyPassword,
  verifyTotp,
} from './auth/index.js';
import { HttpError } from './http/http-error.js';
import { actorOf, type Principal } from './principal.js';
import type { SigningKeys } from './signing-keys.js';

/** What a successful login or refresh returns. */
export interface Tokens {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds the access token is valid. */
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly user: PublicUser;
}

/** A user as the API shows it: no hashes, no seeds. */
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

/** Credentials of a login; `code` (TOTP) or `recoveryCode` when the user has MFA. */
export interface LoginInput {
  readonly username: string;
  readonly password: string;
  readonly code?: string | undefined;
  readonly recoveryCode?: string | undefined;
}

/** What the auth service needs. */
export interface AuthServiceDeps {
  readonly users: UserStore;
  readonly apiKeys: ApiKeyStore;
  readonly refreshTokens: RefreshTokenStore;
  readonly secrets: SecretStore;
  readonly box: SecretBox;
  readonly keys: SigningKeys;
  readonly audit: AuditLog;
  readonly clock: () => number;
  /** Access token lifetime, seconds (15 minutes by default). */
  readonly accessTtlSeconds: number;
  /** Refresh token lifetime, milliseconds. */
  readonly refreshTtlMs: number;
  /** Name shown in authenticator apps. */
  readonly issuer: string;
}

/** Users, sessions, MFA and API keys: everything that tells who a caller is. */
export type AuthService = ReturnType<typeof createAuthService>;

// API keys record their use at most this often, so a busy key is not a write per request.
const LAST_USED_EVERY_MS = 60_000;

/** Shows a user without secrets. */
export function publicUser(user: User, now: number): PublicUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    mfaEnabled: user.mfaEnabled,
    recoveryCodesLeft: user.recoveryCodes.length,
    created: user.created,
    lastLogin: user.lastLogin,
    disabled: user.disabled,
    locked: lockRemaining(user, now) > 0,
  };
}

/** Folds a username for storage and lookup. */
export function foldUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

/** Makes a new user record; refuses a weak password with 400. */
export async function newUser(
  input: { username: string; password: string; role: (typeof ROLES)[number] },
  now: number,
): Promise<User> {
  const username = foldUsername(input.username);
  if (!/^[a-z0-9][a-z0-9._@-]{1,63}$/.test(username))
    throw new HttpError(400, 'a username is 2 to 64 letters, digits, dots, dashes, underscores or @');
  const problem = passwordProblem(input.password, username);
  if (problem) throw new HttpError(400, problem);
  return {
    id: randomUUID(),
    username,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    mfaEnabled: false,
    recoveryCodes: [],
    failedLogins: 0,
    lockedUntil: 0,
    created: now,
    lastLogin: null,
    disabled: false,
  };
}

/**
 * Creates the auth service: login with lockout and TOTP, rotating refresh tokens whose reuse revokes the
 * whole family, MFA enrolment with recovery codes, and authentication of bearer tokens and API keys.
 */
export function createAuthService(deps: AuthServiceDeps) {
  const { users, refreshTokens, audit, clock } = deps;

  /** Appends one audit entry about an account. */
  const record = (
    actor: string,
    action: string,
    target: string,
    outcome: 'success' | 'failure',
    ip: string,
    details: Record<string, unknown> = {},
  ) => audit.append({ actor, action, target, outcome, ip, details });

  const issue = async (user: User, family: string, mfa: boolean): Promise<Tokens> => {
    const now = clock();
    const refresh = mintRefreshToken();
    await refreshTokens.put({
      hash: refresh.hash,
      family,
      userId: user.id,
      created: now,
      expires: now + deps.refreshTtlMs,
      used: false,
      revoked: false,
    });
    const accessToken = signAccessToken(
      deps.keys.ring,
      { sub: user.id, role: user.role, name: user.username, mfa },
      now,
      deps.accessTtlSeconds,
    );
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: deps.accessTtlSeconds,
      refreshToken: refresh.token,
      user: publicUser(user, now),
    };
  };

  // One address trying many accounts (password spraying) is slowed even though no account is locked.
  const addressFailures = createAddressFailures({ max: 30, windowMs: 10 * 60_000, tracked: 10_000 });

  const refuse = async (user: User | undefined, username: string, ip: string, why: string) => {
    addressFailures.fail(ip, clock());
    if (user) {
      const failed = user.failedLogins + 1;
      await users.update(user.id, {
        failedLogins: failed,
        lockedUntil: lockoutAfterFailure(failed, clock()),
      });
    }
    await record(`user:${username}`, 'auth.login', username, 'failure', ip, { reason: why });
    return new HttpError(401, 'invalid credentials');
  };

  const totpName = (userId: string) => `totp:${userId}`;
  const pendingName = (userId: string) => `totp-pending:${userId}`;

  const readTotp = async (name: string): Promise<{ secret: string; lastStep: number } | undefined> => {
    const stored = await deps.secrets.get(name);
    return stored ? JSON.parse(deps.box.open(name, stored.sealed).toString('utf8')) : undefined;
  };
  const writeTotp = (name: string, value: { secret: string; lastStep: number }) =>
    deps.secrets.put({ name, sealed: deps.box.seal(name, JSON.stringify(value)), updated: clock() });

  /** Checks a second factor; consumes a recovery code or records the TOTP step used. */
  const secondFactor = async (user: User, input: LoginInput): Promise<boolean> => {
    if (input.recoveryCode) {
      const remaining = consumeRecoveryCode(user.recoveryCodes, input.recoveryCode);
      if (remaining === undefined) return false;
      await users.update(user.id, { recoveryCodes: remaining });
      return true;
    }
    const totp = await readTotp(totpName(user.id));
    if (!totp || !input.code) return false;
    const step = verifyTotp(totp.secret, input.code, clock(), totp.lastStep);
    if (step === undefined) return false;
    await writeTotp(totpName(user.id), { secret: totp.secret, lastStep: step });
    return true;
  };

  const userPrincipal = async (token: string): Promise<Principal> => {
    let result = verifyAccessToken(deps.keys.ring, token, clock());
    if (!result.ok && result.reason === 'unknown-key') {
      await deps.keys.refresh();
      result = verifyAccessToken(deps.keys.ring, token, clock());
    }
    if (!result.ok) throw new HttpError(401, 'invalid token', { headers: { 'www-authenticate': 'Bearer' } });
    const user = await users.get(result.claims.sub);
    if (!user || user.disabled)
      throw new HttpError(401, 'invalid token', { headers: { 'www-authenticate': 'Bearer' } });
    return {
      kind: 'user',
      id: user.id,
      name: user.username,
      role: user.role,
      scopes: [],
      mfa: result.claims.mfa,
    };
  };

  const keyPrincipal = async (token: string): Promise<Principal> => {
    const invalid = new HttpError(401, 'invalid API key', { headers: { 'www-authenticate': 'Bearer' } });
    const parsed = parseApiKey(token);
    if (!parsed) throw invalid;
    const key = await deps.apiKeys.get(parsed.id);
    const now = clock();
    if (!key || key.revoked || (key.expires !== null && key.expires <= now)) throw invalid;
    if (!apiKeySecretMatches(key.secretHash, parsed.secret)) throw invalid;
    if (key.lastUsed === null || now - key.lastUsed > LAST_USED_EVERY_MS)
      await deps.apiKeys.update(key.id, { lastUsed: now });
    return { kind: 'apikey', id: key.id, name: key.name, role: key.role, scopes: key.scopes, mfa: false };
  };

  return {
    /** Who sent this request: from `Authorization: Bearer`, `X-API-Key`, or a WebSocket subprotocol. */
    async authenticate(req: IncomingMessage): Promise<Principal | undefined> {
      const credential = credentialOf(req);
      if (credential === undefined) return undefined;
      return credential.startsWith('isk_') ? keyPrincipal(credential) : userPrincipal(credential);
    },

    async login(input: LoginInput, ip: string): Promise<Tokens> {
      const username = foldUsername(input.username);
      const addressWait = addressFailures.wait(ip, clock());
      if (addressWait > 0) {
        const retryAfter = Math.ceil(addressWait / 1000);
        throw new HttpError(429, 'too many failed logins from this address; try again later', {
          headers: { 'retry-after': String(retryAfter) },
          extra: { retryAfter },
        });
      }
      const user = await users.findByUsername(username);
      if (!user) {
        await verifyAgainstNothing(input.password);
        throw await refuse(undefined, username, ip, 'unknown user');
      }
      const wait = lockRemaining(user, clock());
      if (wait > 0) {
        await record(`user:${username}`, 'auth.login', username, 'failure', ip, { reason: 'locked' });
        const retryAfter = Math.ceil(wait / 1000);
        throw new HttpError(429, 'too many failed logins; try again later', {
          headers: { 'retry-after': String(retryAfter) },
          extra: { retryAfter },
        });
      }
      if (!(await verifyPassword(user.passwordHash, input.password)))
        throw await refuse(user, username, ip, 'wrong password');
      if (user.disabled) throw await refuse(user, username, ip, 'disabled');
      if (user.mfaEnabled) {
        if (!input.code && !input.recoveryCode)
          throw new HttpError(401, 'a second factor is required', { extra: { mfaRequired: true } });
        if (!(await secondFactor(user, input))) throw await refuse(user, username, ip, 'wrong second factor');
      }
      const now = clock();
      const updated =
        (await users.update(user.id, { failedLogins: 0, lockedUntil: 0, lastLogin: now })) ?? user;
      await record(`user:${username}`, 'auth.login', username, 'success', ip, {
        mfa: user.mfaEnabled,
        recoveryCode: Boolean(input.recoveryCode),
      });
      return issue(updated, randomUUID(), user.mfaEnabled);
    },

    /** Exchanges a refresh token for new tokens; a token used twice revokes its whole family. */
    async refresh(token: string, ip: string): Promise<Tokens> {
      const invalid = new HttpError(401, 'invalid refresh token');
      const hash = hashRefreshToken(token);
      const stored = await refreshTokens.get(hash);
      if (!stored || stored.revoked || stored.expires <= clock()) throw invalid;
      if (!(await refreshTokens.markUsed(hash))) {
        const revoked = await refreshTokens.revokeFamily(stored.family);
        await record(`user-id:${stored.userId}`, 'auth.refresh-reuse', stored.family, 'failure', ip, {
          revoked,
        });
        throw invalid;
      }
      // A logout or a detected reuse may have revoked the family between the read and the exchange.
      if ((await refreshTokens.get(hash))?.revoked) throw invalid;
      const user = await users.get(stored.userId);
      if (!user || user.disabled) throw invalid;
      return issue(user, stored.family, user.mfaEnabled);
    },

    /** Ends the login the refresh token belongs to. */
    async logout(token: string, principal: Principal, ip: string): Promise<void> {
      const stored = await refreshTokens.get(hashRefreshToken(token));
      if (stored && stored.userId === principal.id) await refreshTokens.revokeFamily(stored.family);
      await record(actorOf(principal), 'auth.logout', principal.name, 'success', ip);
    },

    /** Starts TOTP enrolment: a new seed, kept pending until a code from it is confirmed. */
    async enrollMfa(principal: Principal): Promise<{ secret: string; uri: string }> {
      const secret = generateTotpSecret();
      await writeTotp(pendingName(principal.id), { secret, lastStep: 0 });
      return { secret, uri: totpUri(deps.issuer, principal.name, secret) };
    },

    /** Confirms enrolment with a code from the new seed; returns recovery codes, shown once. */
    async confirmMfa(principal: Principal, code: string, ip: string): Promise<{ recoveryCodes: string[] }> {
      const pending = await readTotp(pendingName(principal.id));
      const step = pending ? verifyTotp(pending.secret, code, clock(), pending.lastStep) : undefined;
      if (!pending || step === undefined)
        throw new HttpError(400, 'the code does not match; enrol again if needed');
      await writeTotp(totpName(principal.id), { secret: pending.secret, lastStep: step });
      await deps.secrets.remove(pendingName(principal.id));
      const recoveryCodes = generateRecoveryCodes();
      await users.update(principal.id, {
        mfaEnabled: true,
        recoveryCodes: recoveryCodes.map(hashRecoveryCode),
      });
      await record(actorOf(principal), 'auth.mfa-enable', principal.name, 'success', ip);
      return { recoveryCodes };
    },

    /** Turns MFA off; needs the password again. */
    async disableMfa(principal: Principal, password: string, ip: string): Promise<void> {
      const user = await users.get(principal.id);
      if (!user || !(await verifyPassword(user.passwordHash, password)))
        throw new HttpError(403, 'the password does not match');
      await deps.secrets.remove(totpName(user.id));
      await users.update(user.id, { mfaEnabled: false, recoveryCodes: [] });
      await record(actorOf(principal), 'auth.mfa-disable', user.username, 'success', ip);
    },

    /** Changes the caller's password and ends every login of theirs. */
    async changePassword(principal: Principal, current: string, next: string, ip: string): Promise<void> {
      const user = await users.get(principal.id);
      if (!user || !(await verifyPassword(user.passwordHash, current)))
        throw new HttpError(403, 'the current password does not match');
      const problem = passwordProblem(next, user.username);
      if (problem) throw new HttpError(400, problem);
      await users.update(user.id, { passwordHash: await hashPassword(next) });
      await refreshTokens.revokeUser(user.id);
      await record(actorOf(principal), 'auth.password-change', user.username, 'success', ip);
    },

    /** Removes a user's MFA seed when the user is removed. */
    async forgetUser(userId: string): Promise<void> {
      await deps.secrets.remove(totpName(userId));
      await deps.secrets.remove(pendingName(userId));
      await refreshTokens.revokeUser(userId);
    },
  };
}

const BEARER = /^Bearer\s+(\S+)$/i;

function credentialOf(req: IncomingMessage): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const m = BEARER.exec(authorization);
    if (!m)
      throw new HttpError(401, 'use Authorization: Bearer <token>', {
        headers: { 'www-authenticate': 'Bearer' },
      });
    return m[1];
  }
  const apiKey = req.headers['x-api-key'];
  if (typeof apiKey === 'string') return apiKey;
  // Browsers cannot set headers on a WebSocket; they offer the token as a subprotocol `bearer.<token>`.
  const protocols = req.headers['sec-websocket-protocol'];
  if (typeof protocols === 'string') {
    for (const p of protocols.split(',')) {
      const trimmed = p.trim();
      if (trimmed.startsWith('bearer.')) return trimmed.slice('bearer.'.length);
    }
  }
  return undefined;
}
