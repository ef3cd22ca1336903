import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { InfinisecError, ROLES, type Role } from '../../core/index.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import type { KeyRing, SigningKey } from './key-ring.js';

// Callers were promised the key ring from this module; it lives in its own file.
export { createKeyRing, createSigningKey, KeyRing, type SigningKey } from './key-ring.js';

/** The `iss` of every access token. */
export const ACCESS_TOKEN_ISSUER = 'infinisec';
/** Default lifetime of an access token, in seconds. */
export const ACCESS_TOKEN_TTL_SECONDS = 900;
/** How far in the future an `iat` may be before the token is refused, in seconds. */
export const CLOCK_SKEW_SECONDS = 60;
/** Longest token verifyAccessToken reads, in characters. */
export const MAX_ACCESS_TOKEN_LENGTH = 8192;

/** What the control plane signs about a principal. */
export interface AccessTokenSubject {
  sub: string;
  role: Role;
  name: string;
  mfa: boolean;
  /** Permissions an API key is limited to; absent for a person. */
  scopes?: string[];
}

/** The payload of a valid access token. */
export interface AccessClaims extends AccessTokenSubject {
  iss: typeof ACCESS_TOKEN_ISSUER;
  /** Seconds since the epoch. */
  iat: number;
  /** Seconds since the epoch. */
  exp: number;
  jti: string;
}

/** Why an access token was refused. */
export type AccessTokenRejection =
  | 'malformed'
  | 'algorithm'
  | 'unknown-key'
  | 'signature'
  | 'expired'
  | 'not-yet-valid'
  | 'issuer';

/** The verdict on an access token: its claims, or why it was refused. */
export type AccessTokenCheck =
  | { ok: true; claims: AccessClaims }
  | { ok: false; reason: AccessTokenRejection };

/**
 * A compact HS256 JWT for the subject, signed by the ring's active key, valid from `now` (epoch ms);
 * a fault when the ring has no key.
 * @example signAccessToken(ring, { sub: user.id, role: user.role, name: user.username, mfa: true }, Date.now())
 */
export function signAccessToken(
  ring: KeyRing,
  subject: AccessTokenSubject,
  now: number,
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
): string {
  const key = ring.active;
  if (key === undefined)
    throw new InfinisecError('INFINISEC_ERR_SECRET_KEY', 'control.auth', 'no JWT key yet');
  const iat = Math.floor(now / 1000);
  const claims = withSubject(subject, {
    iss: ACCESS_TOKEN_ISSUER,
    iat,
    exp: iat + Math.floor(ttlSeconds),
    jti: randomBytes(16).toString('base64url'),
  });
  const header = { alg: 'HS256', typ: 'JWT', kid: key.kid };
  const signingInput = `${encodeJson(header)}.${encodeJson(claims)}`;
  return `${signingInput}.${encodeBase64Url(mac(key, signingInput))}`;
}

/**
 * The claims of a token this ring signed and that is valid at `now` (epoch ms), or why not. The
 * signature is checked before anything in the payload is read.
 */
export function verifyAccessToken(ring: KeyRing, token: string, now: number): AccessTokenCheck {
  if (token.length > MAX_ACCESS_TOKEN_LENGTH) return refuse('malformed');
  const parts = token.split('.');
  if (parts.length !== 3) return refuse('malformed');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  const payloadBytes = decodeBase64Url(payloadPart);
  const signature = decodeBase64Url(signaturePart);
  if (header === undefined || payloadBytes === undefined || signature === undefined)
    return refuse('malformed');
  const headerProblem = checkHeader(header);
  if (headerProblem !== undefined) return refuse(headerProblem);
  const key = typeof header.kid === 'string' ? ring.get(header.kid) : undefined;
  if (key === undefined) return refuse('unknown-key');
  if (!signatureMatches(key, `${headerPart}.${payloadPart}`, signature)) return refuse('signature');
  return checkClaims(parseJsonObject(payloadBytes), now);
}

function checkHeader(header: Record<string, unknown>): AccessTokenRejection | undefined {
  if (header.alg !== 'HS256') return 'algorithm';
  // We understand no critical extension (RFC 7515 §4.1.11), and sign nothing but JWTs.
  if ('crit' in header || (header.typ !== undefined && header.typ !== 'JWT')) return 'malformed';
  return undefined;
}

function checkClaims(p: Record<string, unknown> | undefined, now: number): AccessTokenCheck {
  if (p === undefined || !hasClaimShapes(p)) return refuse('malformed');
  if (p.iss !== ACCESS_TOKEN_ISSUER) return refuse('issuer');
  if (p.exp * 1000 <= now) return refuse('expired');
  const latestStart = now + CLOCK_SKEW_SECONDS * 1000;
  if (p.iat * 1000 > latestStart || (p.nbf ?? 0) * 1000 > latestStart) return refuse('not-yet-valid');
  return {
    ok: true,
    claims: withSubject(p, { iss: ACCESS_TOKEN_ISSUER, iat: p.iat, exp: p.exp, jti: p.jti }),
  };
}

/** Copies only the known subject fields, so nothing else (a whole User, say) slips into a token. */
function withSubject(
  subject: AccessTokenSubject,
  rest: Omit<AccessClaims, keyof AccessTokenSubject>,
): AccessClaims {
  const { sub, role, name, mfa, scopes } = subject;
  const { iss, iat, exp, jti } = rest;
  return {
    iss,
    sub,
    role,
    name,
    mfa,
    ...(scopes === undefined ? {} : { scopes: [...scopes] }),
    iat,
    exp,
    jti,
  };
}

interface ClaimShapes extends Omit<AccessClaims, 'iss'> {
  iss?: unknown;
  nbf?: number;
}

function hasClaimShapes(p: Record<string, unknown>): p is ClaimShapes & Record<string, unknown> {
  return (
    typeof p.sub === 'string' &&
    p.sub !== '' &&
    (ROLES as readonly unknown[]).includes(p.role) &&
    typeof p.name === 'string' &&
    typeof p.mfa === 'boolean' &&
    Number.isSafeInteger(p.iat) &&
    Number.isSafeInteger(p.exp) &&
    typeof p.jti === 'string' &&
    (p.nbf === undefined || Number.isSafeInteger(p.nbf)) &&
    (p.scopes === undefined || (Array.isArray(p.scopes) && p.scopes.every((s) => typeof s === 'string')))
  );
}

function signatureMatches(key: SigningKey, signingInput: string, signature: Buffer): boolean {
  const expected = mac(key, signingInput);
  // A signature's length is public (HS256 has one), so checking it first leaks nothing.
  return signature.length === expected.length && timingSafeEqual(signature, expected);
}

function mac(key: SigningKey, signingInput: string): Buffer {
  return createHmac('sha256', key.secret).update(signingInput, 'ascii').digest();
}

function encodeJson(value: unknown): string {
  return encodeBase64Url(Buffer.from(JSON.stringify(value), 'utf8'));
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64Url(part);
  return bytes === undefined ? undefined : parseJsonObject(bytes);
}

function parseJsonObject(bytes: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function refuse(reason: AccessTokenRejection): AccessTokenCheck {
  return { ok: false, reason };
}
