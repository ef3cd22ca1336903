import { afterEach, describe, expect, it } from 'vitest';
import { fetchOutcome, proxyWith } from '../chaos-upstream.testing.js';
import { timeoutFault } from './timeout.js';

describe('timeout fault', () => {
  let close = async () => {};
  afterEach(() => close());

  it('answers nothing: the client gives up, the upstream never sees the request', async () => {
    const setup = await proxyWith(timeoutFault, {});
    close = setup.close;
    const outcome = await fetchOutcome(`${setup.proxy.url}/api/slow`, { timeoutMs: 300 });
    expect(outcome).toMatchObject({ error: 'timeout', body: '' });
    expect(outcome.status).toBeUndefined();
    expect(setup.upstream.seen).toEqual([]);
  });

  it('with a hold time, closes the connection unanswered when it runs out', async () => {
    const setup = await proxyWith(timeoutFault, { hold: '100ms' });
    close = setup.close;
    const outcome = await fetchOutcome(`${setup.proxy.url}/api/slow`, { timeoutMs: 5000 });
    expect(outcome.status).toBeUndefined();
    expect(outcome.error).toBe('ECONNRESET');
    expect(outcome.ms).toBeGreaterThanOrEqual(98);
    expect(setup.upstream.seen).toEqual([]);
  });

  it('lets a held request go on to the upstream when the fault is lifted', async () => {
    const setup = await proxyWith(timeoutFault, {});
    close = setup.close;
    const pending = fetchOutcome(`${setup.proxy.url}/api/held`, { timeoutMs: 5000 });
    for (let i = 0; i < 100 && setup.proxy.counts().requests === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(setup.upstream.seen).toEqual([]);
    setup.proxy.disarm('under-test#1');
    const outcome = await pending;
    expect(outcome).toMatchObject({
      status: 200,
      body: `ok 127.0.0.1:${setup.proxy.address.port} /api/held`,
    });
  });
});
