import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.js';
import { describeAnswer } from './describe-answer.js';

function event(
  action: SecurityEvent['verdict']['action'],
  reason: string,
  status: number,
  origin: 'upstream' | 'gateway',
) {
  return {
    verdict: { action, reason, score: 0, findings: [], publicReason: '' },
    response: { status, origin, bytes: 0, upstreamMs: null },
  } as unknown as SecurityEvent;
}

describe('describeAnswer', () => {
  it.each([
    [event('allow', 'default/allow', 200, 'upstream'), '200 from the shop'],
    [event('allow', 'detector/below-threshold', 401, 'upstream'), '401 from the shop'],
    [event('labyrinth', 'detector/sqli', 500, 'gateway'), 'maze page, 500 (detector/sqli)'],
    [event('challenge', 'decision/challenge', 403, 'gateway'), 'challenge page, 403 (decision/challenge)'],
    [event('block', 'canary/used', 403, 'gateway'), 'blocked, 403 (canary/used)'],
    [event('ratelimit', 'ratelimit/login', 429, 'gateway'), 'rate limited, 429 (ratelimit/login)'],
  ])('%#: %s', (e, text) => {
    expect(describeAnswer(e, e.response.status)).toBe(text);
  });

  it('says so when the gateway recorded no event', () => {
    expect(describeAnswer(undefined, 502)).toBe('502 (no event recorded)');
  });
});
