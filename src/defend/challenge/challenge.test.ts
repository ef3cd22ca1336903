import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createChallenge } from './create-challenge.js';

const options = {
  secret: 'challenge-secret-0123456789',
  difficulty: 8,
  tokenMs: 60_000,
  waitMs: 5000,
  passMs: 3_600_000,
};
const client = { prefix: '192.0.2.1', userAgent: 'Mozilla/5.0' };

function solve(seed: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const digest = createHash('sha256').update(`${seed}${n}`).digest();
    const bits = digest[0] === 0 ? 8 + Math.clz32(digest[1]!) - 24 : Math.clz32(digest[0]!) - 24;
    if (bits >= difficulty) return String(n);
  }
}

describe('challenge', () => {
  it('accepts a solution, for the same client, in time', () => {
    const challenge = createChallenge(options);
    const issued = challenge.issue(client, 1000);
    const nonce = solve(issued.seed, issued.difficulty);
    expect(challenge.solved(issued.token, nonce, client, 2000)).toBe(true);
    expect(challenge.solved(issued.token, nonce, { ...client, prefix: '192.0.2.2' }, 2000)).toBe(false);
    expect(challenge.solved(issued.token, nonce, { ...client, userAgent: 'curl/8' }, 2000)).toBe(false);
    expect(challenge.solved(issued.token, nonce, client, 1000 + 60_001)).toBe(false);
  });

  it('refuses a wrong nonce, a forged or altered token, and another secret', () => {
    const challenge = createChallenge(options);
    const issued = challenge.issue(client, 0, 16);
    const nonce = solve(issued.seed, 16);
    expect(challenge.solved(issued.token, nonce, client, 1)).toBe(true);
    let wrong = 0;
    while (solve(issued.seed, 16) === String(wrong)) wrong++;
    expect(challenge.solved(issued.token, String(wrong), client, 1)).toBe(false);
    const [body, mac] = issued.token.split('.');
    const easier = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), d: 0 }),
    ).toString('base64url');
    expect(challenge.solved(`${easier}.${mac}`, '0', client, 1)).toBe(false);
    expect(
      createChallenge({ ...options, secret: 'another-secret-0123456789' }).solved(
        issued.token,
        nonce,
        client,
        1,
      ),
    ).toBe(false);
    expect(challenge.solved('garbage', '1', client, 1)).toBe(false);
  });

  it('lets a browser without JavaScript through only after the wait', () => {
    const challenge = createChallenge(options);
    const { token } = challenge.issue(client, 0);
    expect(challenge.waited(token, client, 4999)).toBe(false);
    expect(challenge.waited(token, client, 5000)).toBe(true);
    expect(challenge.waited(token, { ...client, prefix: 'x' }, 6000)).toBe(false);
    expect(challenge.waited(token, client, 60_001)).toBe(false);
  });

  it('signs a pass bound to the client, with an expiry', () => {
    const challenge = createChallenge(options);
    const pass = challenge.pass(client, 0);
    expect(challenge.passes(pass, client, 3_599_999)).toBe(true);
    expect(challenge.passes(pass, client, 3_600_000)).toBe(false);
    expect(challenge.passes(pass, { ...client, userAgent: 'other' }, 1)).toBe(false);
    const [body] = pass.split('.');
    expect(challenge.passes(`${body}.AAAA`, client, 1)).toBe(false);
    const forged = Buffer.from(JSON.stringify({ b: 'x', e: 9e15 })).toString('base64url');
    expect(challenge.passes(`${forged}.${pass.split('.')[1]}`, client, 1)).toBe(false);
  });
});
