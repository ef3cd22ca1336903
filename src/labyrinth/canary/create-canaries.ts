import { apiKeyShape } from './api-key-shape.js';
import { awsKeyShape } from './aws-key-shape.js';
import type { Canaries, CanaryHit, CanaryOrigin } from './canaries.js';
import { deriveCanaryKeys } from './canary-keys.js';
import type { CanaryKind } from './canary-kind.js';
import { type CanaryOptions, readCanaryOptions } from './canary-options.js';
import { createCanaryScanner } from './canary-scanner.js';
import { createCanarySeal } from './canary-seal.js';
import type { CanaryShape } from './canary-shape.js';
import { emailShape } from './email-shape.js';
import { githubTokenShape } from './github-token-shape.js';
import { internalUrlShape } from './internal-url-shape.js';
import { jwtShape } from './jwt-shape.js';
import { passwordShape } from './password-shape.js';
import { seedBytes } from './seed-bytes.js';
import { sessionShape } from './session-shape.js';
import { stripeKeyShape } from './stripe-key-shape.js';

const INTRUDER = /^[0-9a-f]{8}$/;
// Every shape holds a run of at least 19 letters and digits (its code, key or signature): a text without one
// holds no canary, and most request texts are ruled out by this one cheap scan.
const LONG_RUN = /(?<![A-Za-z0-9])[A-Za-z0-9]{19}/;
// Verdicts on recent candidates: a client sends the same session cookie with every request, and it costs
// its HMACs once. Forgotten all at once when full, so a flood of distinct candidates costs no more.
const MEMO_LIMIT = 4096;
const DEFAULT_MAX_HITS = 8;
/** Longer than any shape's longest token (a JWT: 36 + 1 + 603 + 1 + 43), so verify never reads far. */
const MAX_TOKEN = 700;

/**
 * Canaries keyed on `options.secret`: minting binds each decoy secret to an intruder, and verifying needs
 * no lookup, only the token's shape and two or three HMACs. Throws a TypeError for bad options.
 * @example
 * const canaries = createCanaries({ secret: process.env.CANARY_SECRET });
 * const key = canaries.mintFor('0badc0de')('aws-key', '/admin/keys#0');
 * canaries.verify(key); // { intruder: '0badc0de', kind: 'aws-key' }
 */
export function createCanaries(options: CanaryOptions): Canaries {
  const { secret, emailDomain, internalHost } = readCanaryOptions(options);
  const keys = deriveCanaryKeys(secret);
  const seal = createCanarySeal(keys);
  // find() tries the alternatives in this order: the long literal prefixes first, the bare hex run last.
  const shapes: readonly CanaryShape[] = [
    jwtShape,
    awsKeyShape,
    githubTokenShape,
    stripeKeyShape,
    apiKeyShape,
    internalUrlShape(internalHost),
    emailShape(emailDomain),
    passwordShape,
    sessionShape,
  ];
  const byKind = new Map<string, CanaryShape>(shapes.map((shape) => [shape.kind, shape]));
  const scan = createCanaryScanner(shapes);

  const memo = new Map<string, CanaryOrigin | null>();
  const verify: Canaries['verify'] = (candidate) => {
    if (typeof candidate !== 'string' || candidate.length > MAX_TOKEN) return undefined;
    const known = memo.get(candidate);
    if (known !== undefined) return known ?? undefined;
    const shape = shapes.find((s) => s.exact.test(candidate));
    const intruder = shape?.open(candidate, seal);
    const origin = shape && intruder ? { intruder, kind: shape.kind } : undefined;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(candidate, origin ?? null);
    return origin;
  };

  return {
    mintFor(intruder) {
      if (typeof intruder !== 'string' || !INTRUDER.test(intruder))
        throw new TypeError(
          `labyrinth.canary: an intruder id is 8 lower-case hex digits, not ${JSON.stringify(intruder)}`,
        );
      return (kind: CanaryKind, slot: string) => {
        const shape = byKind.get(kind);
        if (shape === undefined)
          throw new TypeError(`labyrinth.canary: unknown canary kind ${JSON.stringify(kind)}`);
        const seed = seedBytes(keys.seed, `${kind}\n${intruder}\n${slot}`);
        return shape.mint(intruder, seed, seal);
      };
    },
    verify,
    find(text, max = DEFAULT_MAX_HITS) {
      const hits: CanaryHit[] = [];
      if (typeof text !== 'string' || !(max >= 1) || !LONG_RUN.test(text)) return hits;
      scan(text, (token) => {
        const origin = verify(token);
        if (origin && !hits.some((hit) => hit.token === token)) hits.push({ token, ...origin });
        return hits.length < max;
      });
      return hits;
    },
  };
}
