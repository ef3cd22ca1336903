import { describe, expect, it } from 'vitest';
import { itStaysLinear } from '../../inspect/analyzers/shared/linearity.testing.js';
import { SECRET, tampered } from './canary-cases.testing.js';
import { CANARY_KINDS, type CanaryKind, createCanaries, MAX_CANDIDATES } from './index.js';

const canaries = createCanaries({ secret: SECRET });
const mint = canaries.mintFor('0badc0de');
const token = (kind: CanaryKind) => mint(kind, '/page#1');
const found = (text: string, max?: number) => canaries.find(text, max).map((hit) => hit.token);

// A minted token with one character changed, so it keeps the shape: a look-alike that costs an HMAC.
const nearMiss = (kind: CanaryKind, n: number) => {
  const t = mint(kind, `/near#${n}`);
  return tampered(t, t.length - 1 - (n % 8))[0]!;
};
const MEGABYTE = 1 << 20;
const fill = (unit: string, length = MEGABYTE) => unit.repeat(Math.ceil(length / unit.length));

describe('find', () => {
  it('finds tokens in a request target, URL-encoded e-mail and internal URL included', () => {
    const target =
      `/login?user=${encodeURIComponent(token('email'))}&next=${encodeURIComponent(token('internal-url'))}` +
      `&key=${token('aws-key')}&pw=${token('password')}`;
    expect(target).toContain('%40');
    expect(found(target)).toEqual([
      token('email'),
      token('internal-url'),
      token('aws-key'),
      token('password'),
    ]);
  });

  it('finds an internal URL given as is, and an e-mail with a lower-case escape', () => {
    expect(found(`GET ${token('internal-url')} HTTP/1.1`)).toEqual([token('internal-url')]);
    expect(found(`to=${token('email').replace('@', '%40')}`)).toEqual([token('email')]);
  });

  it('finds tokens in a JSON body', () => {
    const body = JSON.stringify({
      auth: token('jwt'),
      stripe: token('stripe-key'),
      nested: [token('api-key')],
    });
    expect(found(body)).toEqual([token('jwt'), token('stripe-key'), token('api-key')]);
  });

  it('finds tokens in header values and cookies', () => {
    expect(found(`Bearer ${token('github-token')}`)).toEqual([token('github-token')]);
    expect(found(`Bearer ${token('jwt')}`)).toEqual([token('jwt')]);
    expect(found(`theme=dark; sessionid=${token('session')}; csrftoken=Xy12`)).toEqual([token('session')]);
  });

  it('finds tokens amid prose, and says whose and which they are', () => {
    const other = canaries.mintFor('f00dcafe')('aws-key', 'elsewhere');
    const hits = canaries.find(`I found ${token('aws-key')}, and also (${other}). Rotate them!`);
    expect(hits).toEqual([
      { token: token('aws-key'), intruder: '0badc0de', kind: 'aws-key' },
      { token: other, intruder: 'f00dcafe', kind: 'aws-key' },
    ]);
  });

  it('finds every kind, reports a token once, and stops at max', () => {
    const all = CANARY_KINDS.map(token);
    const text = [...all, ...all].join(' | ');
    expect(found(text, 20)).toEqual(all);
    expect(found(text)).toHaveLength(8);
    expect(found(text, 3)).toEqual(all.slice(0, 3));
    expect(found(text, 0)).toEqual([]);
  });

  it('ignores look-alikes, tokens glued to more characters, and other secrets', () => {
    const text = [
      ...CANARY_KINDS.map((kind) => nearMiss(kind, 1)),
      `${token('aws-key')}X`,
      `${token('session')}0`,
      createCanaries({ secret: `${SECRET}?` }).mintFor('0badc0de')('github-token', 'x'),
    ].join('\n');
    expect(found(text)).toEqual([]);
  });

  it(`looks at no more than ${MAX_CANDIDATES} look-alikes`, () => {
    const lookAlikes = (n: number) =>
      Array.from({ length: n }, (_, i) => nearMiss('stripe-key', i)).join(' ');
    expect(found(`${lookAlikes(MAX_CANDIDATES - 1)} ${token('jwt')}`)).toEqual([token('jwt')]);
    expect(found(`${lookAlikes(MAX_CANDIDATES)} ${token('jwt')}`)).toEqual([]);
  });

  it('stops at max in a megabyte of canaries, and finds none in a megabyte of look-alikes', () => {
    const canaryText = fill(`${CANARY_KINDS.map((kind) => token(kind)).join(' ')} `);
    expect(canaryText.length).toBeGreaterThanOrEqual(MEGABYTE);
    expect(canaries.find(canaryText, 5)).toHaveLength(5);
    const misses = Array.from({ length: 200 }, (_, i) => nearMiss(CANARY_KINDS[i % CANARY_KINDS.length]!, i));
    expect(canaries.find(fill(`${misses.join(' ')} `))).toHaveLength(0);
    expect(canaries.find(`${fill(`${misses.join(' ')} `)}${token('aws-key')}`)).toHaveLength(0);
  });

  for (const [name, text] of Object.entries(adversarial(MEGABYTE))) {
    it(`finds nothing in a megabyte of ${name}`, () => {
      expect(canaries.find(text)).toHaveLength(0);
    });
  }
});

// Prefixes of every shape, repeated: each makes one alternative start at every few characters and run as
// far as it can before failing, the case where a backtracking pattern turns quadratic.
function adversarial(length: number): Record<string, string> {
  const jwtPrefix = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ';
  return {
    letters: fill('a', length),
    'capitalised words': fill('Abc-Def-', length),
    'name dots': fill('ab.cd.', length),
    'e-mail locals': fill(`anna.berg.${'k'.repeat(21)}%40`, length),
    hex: fill('0123456789abcdef', length),
    base62: fill('Ab9', length),
    'AWS prefixes': fill('AKIA', length),
    'JWT prefixes': fill(jwtPrefix, length),
    'JWT payloads': `${jwtPrefix}${fill('x', length)}`,
    'JWT payload runs': fill(`${jwtPrefix}${'x'.repeat(599)}.`, length),
    'URL prefixes': fill('http%3A%2F%2Fgit.internal.corp%2Fab%2F', length),
    'key prefixes': fill('key-key-sk_live_ghp_', length),
  };
}

describe('find regex safety', () => {
  itStaysLinear(
    new URL('.', import.meta.url),
    Object.values(adversarial(50_000)),
    (input) => canaries.find(input),
    3,
  );
});
