import { describe, expect, it } from 'vitest';
import { RetryPolicy } from './retry-policy.js';

const policy = new RetryPolicy({ attempts: 3, backoffMs: 20, maxBackoffMs: 50 });
const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

describe('RetryPolicy', () => {
  it.each([
    ['GET', true, true],
    ['HEAD', true, true],
    ['OPTIONS', true, true],
    ['PUT', true, true],
    ['DELETE', true, true],
    ['POST', true, false],
    ['PATCH', true, false],
    ['GET', false, false],
    ['PUT', false, false],
  ])('%s with a replayable body: %s → retried: %s', (method, replayable, expected) => {
    expect(policy.allows(method, replayable)).toBe(expected);
  });

  it('never allows retries with a single attempt', () => {
    expect(new RetryPolicy({ attempts: 1, backoffMs: 1, maxBackoffMs: 1 }).allows('GET', true)).toBe(false);
  });

  it('retries failures before an answer, within the attempts', () => {
    expect(policy.retries(refused, 1)).toBe(true);
    expect(policy.retries(refused, 2)).toBe(true);
    expect(policy.retries(refused, 3)).toBe(false);
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'EPIPE'])
      expect(policy.retries({ code }, 1), code).toBe(true);
  });

  it('does not retry a timeout waiting for the answer, nor errors without a known code', () => {
    expect(policy.retries({ code: 'UND_ERR_HEADERS_TIMEOUT' }, 1)).toBe(false);
    expect(policy.retries({ code: 'UND_ERR_ABORTED' }, 1)).toBe(false);
    expect(policy.retries(new Error('boom'), 1)).toBe(false);
    expect(policy.retries(undefined, 1)).toBe(false);
  });

  it('waits a random time up to an exponential cap (full jitter)', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4].map((retry) => policy.delay(retry, top))).toEqual([19, 39, 49, 49]);
    expect(policy.delay(3, () => 0)).toBe(0);
    expect(policy.delay(2, () => 0.5)).toBe(20);
  });
});
