import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How hard and how long a challenge is. */
export interface ChallengeOptions {
  readonly secret: string;
  /** Leading zero bits the proof of work needs. */
  readonly difficulty: number;
  /** How long a page's token can be answered. */
  readonly tokenMs: number;
  /** How long a browser without JavaScript waits before it may pass. */
  readonly waitMs: number;
  /** How long the pass cookie lets a client through. */
  readonly passMs: number;
}

/** What a challenge page needs: the token, the seed to hash and the difficulty. */
export interface IssuedChallenge {
  readonly token: string;
  readonly seed: string;
  readonly difficulty: number;
}

/** Who the challenge is bound to: the client's address prefix and user agent. */
export interface ChallengeClient {
  readonly prefix: string;
  readonly userAgent: string;
}

/** Proof-of-work challenges and the pass cookie that answering one earns, all verified without a store. */
export interface Challenge {
  issue(client: ChallengeClient, now: number, difficulty?: number): IssuedChallenge;
  /** Whether `nonce` solves the challenge of `token` for this client, in time. */
  solved(token: string, nonce: string, client: ChallengeClient, now: number): boolean;
  /** Whether the no-JavaScript wait of `token` is over for this client (and the token not stale). */
  waited(token: string, client: ChallengeClient, now: number): boolean;
  pass(client: ChallengeClient, now: number): string;
  /** Whether a pass cookie is ours, for this client, and unexpired. */
  passes(cookie: string, client: ChallengeClient, now: number): boolean;
}

interface TokenBody {
  /** Binding: hash of prefix and user agent. */
  b: string;
  /** Issued at, epoch ms. */
  t: number;
  d: number;
  s: string;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/**
 * Creates the challenge: a signed token carries the seed, difficulty, issue time and a binding to the client's
 * prefix and user agent; the browser finds a nonce whose SHA-256 with the seed has `difficulty` leading zero
 * bits. Passing sets a cookie signed the same way, with its expiry — verified on each request with one HMAC.
 * @example const challenge = createChallenge({ secret, difficulty: 16, tokenMs: 600_000, waitMs: 5000, passMs: 3_600_000 });
 */
export function createChallenge(options: ChallengeOptions): Challenge {
  if (options.secret.length < 16)
    throw new TypeError('defend.challenge: the secret needs 16 characters or more');
  const key = createHmac('sha256', options.secret).update('infinisec challenge').digest();
  const sign = (text: string) => createHmac('sha256', key).update(text).digest('base64url');
  const bind = (client: ChallengeClient) =>
    createHash('sha256').update(`${client.prefix}\n${client.userAgent}`).digest('base64url').slice(0, 22);
  const signed = (body: string) => `${body}.${sign(body)}`;
  const open = (text: string): string | undefined => {
    const dot = text.lastIndexOf('.');
    if (dot <= 0 || text.length > 1024) return undefined;
    const body = text.slice(0, dot);
    const mac = Buffer.from(text.slice(dot + 1));
    const expected = Buffer.from(sign(body));
    return mac.length === expected.length && timingSafeEqual(mac, expected) ? body : undefined;
  };
  const read = (token: string, client: ChallengeClient): TokenBody | undefined => {
    const body = open(token);
    if (body === undefined) return undefined;
    try {
      const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenBody;
      return parsed.b === bind(client) ? parsed : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    issue(client, now, difficulty = options.difficulty) {
      const seed = b64(createHmac('sha256', key).update(`${now}\n${Math.random()}`).digest().subarray(0, 12));
      const body: TokenBody = { b: bind(client), t: now, d: difficulty, s: seed };
      return { token: signed(b64(JSON.stringify(body))), seed, difficulty };
    },
    solved(token, nonce, client, now) {
      const body = read(token, client);
      if (body === undefined || now - body.t > options.tokenMs || now < body.t || !/^\d{1,16}$/.test(nonce))
        return false;
      return leadingZeroBits(createHash('sha256').update(`${body.s}${nonce}`).digest()) >= body.d;
    },
    waited(token, client, now) {
      const body = read(token, client);
      return body !== undefined && now - body.t >= options.waitMs && now - body.t <= options.tokenMs;
    },
    pass(client, now) {
      return signed(b64(JSON.stringify({ b: bind(client), e: now + options.passMs })));
    },
    passes(cookie, client, now) {
      const body = open(cookie);
      if (body === undefined) return false;
      try {
        const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
          b: string;
          e: number;
        };
        return parsed.b === bind(client) && parsed.e > now;
      } catch {
        return false;
      }
    },
  };
}
