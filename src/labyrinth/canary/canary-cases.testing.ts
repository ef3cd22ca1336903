import { crc32 } from 'node:zlib';
import type { CanaryKind } from './canary-kind.js';

/** The secret the canary tests mint under. */
export const SECRET = 'an-example-secret-of-32-characters';

/**
 * What each kind must look like, as public secret scanners (gitleaks, GitHub's own) describe the real
 * provider's token; written independently of the shapes' own patterns.
 */
export const PROVIDER_PATTERNS: Readonly<Record<CanaryKind, RegExp>> = {
  'aws-key': /^(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}$/,
  'github-token': /^ghp_[0-9a-zA-Z]{36}$/,
  'stripe-key': /^sk_live_[0-9a-zA-Z]{24}$/,
  'api-key': /^key-[a-f0-9]{32}$/,
  jwt: /^ey[a-zA-Z0-9]{17,}\.ey[a-zA-Z0-9_-]{17,}\.[a-zA-Z0-9_-]{43}$/,
  session: /^[0-9a-f]{40}$/,
  email: /^[a-z]+\.[a-z]+\.[0-9a-z]{22}@corp\.example\.com$/,
  password: /^[A-Z][a-z]+-[A-Z][a-z]+-[A-Za-z0-9]{19}$/,
  'internal-url': /^http:\/\/git\.internal\.corp\/[a-z]+\/[a-z-]+\/[0-9a-z]{22}$/,
};

const ALPHABETS = ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz', '0123456789', '-_.@:/'];

/** Every single-character change of a token at `index`: the next and a far character of its own class. */
export function tampered(token: string, index: number): string[] {
  const c = token[index]!;
  const alphabet = ALPHABETS.find((a) => a.includes(c)) ?? 'x';
  const at = alphabet.indexOf(c);
  const others = [alphabet[(at + 1) % alphabet.length]!, alphabet[(at + 7) % alphabet.length]!, '~'];
  return others.filter((o) => o !== c).map((o) => token.slice(0, index) + o + token.slice(index + 1));
}

/** A deterministic stream of random integers below `n` (mulberry32), so a failing case can be replayed. */
export function randomInts(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n;
  };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** GitHub's checksum of a token body, as secret scanners recompute it: CRC-32 in 6 zero-padded base62 digits. */
export function githubChecksum(body: string): string {
  let n = crc32(body);
  let digits = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 62)) digits = BASE62[n % 62] + digits;
  return digits;
}

/** Random texts of every kind's shape (a GitHub body with its valid checksum), none of them minted. */
export function randomCandidates(seed: number, perKind: number): Map<CanaryKind, string[]> {
  const random = randomInts(seed);
  const text = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(random(alphabet.length))]).join('');
  const lower = 'abcdefghijklmnopqrstuvwxyz';
  const word = () => text(lower, 2 + Math.floor(random(8)));
  const hex = '0123456789abcdef';
  const makers: Record<CanaryKind, () => string> = {
    'aws-key': () => `AKIA${text('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    'github-token': () => {
      const body = text(BASE62, 30);
      return `ghp_${body}${githubChecksum(body)}`;
    },
    'stripe-key': () => `sk_live_${text(BASE62, 24)}`,
    'api-key': () => `key-${text(hex, 32)}`,
    jwt: () => {
      const jti = `${text(hex, 8)}-${text(hex, 4)}-${text(hex, 4)}-${text(hex, 4)}-${text(hex, 12)}`;
      const payload = Buffer.from(JSON.stringify({ sub: '1042', role: 'admin', jti })).toString('base64url');
      return `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${payload}.${text(`${BASE62}-_`, 43)}`;
    },
    session: () => text(hex, 40),
    email: () => `${word()}.${word()}.${text(`0123456789${lower}`, 22)}@corp.example.com`,
    password: () => `Q${word()}-W${word()}-${text(BASE62, 19)}`,
    'internal-url': () => `http://git.internal.corp/${word()}/${word()}/${text(`0123456789${lower}`, 22)}`,
  };
  return new Map(
    Object.entries(makers).map(([kind, make]) => [kind as CanaryKind, Array.from({ length: perKind }, make)]),
  );
}
