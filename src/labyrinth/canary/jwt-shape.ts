import { timingSafeEqual } from 'node:crypto';
import type { CanaryShape } from './canary-shape.js';
import { capitalise, FIRST_NAMES, JWT_ROLES, LAST_NAMES, pick } from './decoys.js';

/** `{"alg":"HS256","typ":"JWT"}`: every decoy JWT has this header, which gives find() a long literal prefix. */
const HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
const CODE_BYTES = 16;
// Issued some time in 2025, valid three years: long-lived enough to be worth stealing, and never from the
// clock, so a page revisited later carries the same bytes.
const ISSUED_FROM = 1_735_689_600;
const YEAR = 365 * 24 * 3600;
const LIFETIME = 3 * YEAR;

const asUuid = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function readJti(payload: string): string | undefined {
  try {
    const jti: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).jti;
    return typeof jti === 'string' && UUID.test(jti) ? jti.replaceAll('-', '') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A real HS256 JWT with plausible claims (sub, name, role, iat, exp) whose `jti`, UUID-shaped, is a sealed
 * code (intruder 32 + nonce 16 + MAC 80 bits). Verifying checks the full 256-bit signature first, over a
 * payload the pattern bounds to 600 characters, so it stays O(1).
 * @example mint('jwt', slot) // 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIyNzEw….oXBEU-Lf4gkO…'
 */
export const jwtShape: CanaryShape = {
  kind: 'jwt',
  exact: /^eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\.eyJ[\w-]{16,600}\.[\w-]{43}$/,
  scan: `${HEADER}\\.eyJ[\\w-]{16,600}\\.[\\w-]{43}(?![\\w-])`,
  mint(intruder, seed, seal) {
    const code = seal.close('jwt', intruder, seed.readUInt16BE(0), '', CODE_BYTES);
    const iat = ISSUED_FROM + (seed.readUInt32BE(4) % YEAR);
    const claims = {
      sub: String(1000 + (seed.readUInt32BE(8) % 90_000)),
      name: `${capitalise(pick(FIRST_NAMES, seed[2]))} ${capitalise(pick(LAST_NAMES, seed[3]))}`,
      role: pick(JWT_ROLES, seed[12]),
      iat,
      exp: iat + LIFETIME,
      jti: asUuid(code.toString('hex')),
    };
    const signed = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${signed}.${seal.sign(signed).toString('base64url')}`;
  },
  open(token, seal) {
    const dot = token.lastIndexOf('.');
    // Compared as text, not as decoded bytes: the last base64url digit has spare bits a decoder ignores.
    const expected = Buffer.from(seal.sign(token.slice(0, dot)).toString('base64url'));
    const given = Buffer.from(token.slice(dot + 1));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const jti = readJti(token.slice(HEADER.length + 1, dot));
    return jti && seal.open('jwt', Buffer.from(jti, 'hex'), '');
  },
};
