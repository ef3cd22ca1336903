import { afterEach, describe, expect, it } from 'vitest';
import { fetchOutcome, proxyWith } from '../chaos-upstream.testing.js';
import { resetFault } from './reset.js';

describe('reset fault', () => {
  let close = async () => {};
  afterEach(() => close());

  it('before the headers: the client gets a reset and no answer; the upstream sees nothing', async () => {
    const setup = await proxyWith(resetFault, { phase: 'before-headers' });
    close = setup.close;
    const outcome = await fetchOutcome(`${setup.proxy.url}/api/products`);
    expect(outcome.status).toBeUndefined();
    expect(outcome.error).toBe('ECONNRESET');
    expect(setup.upstream.seen).toEqual([]);
  });

  it('after the headers: the status and the first bytes arrive, then the reset', async () => {
    const setup = await proxyWith(resetFault, { phase: 'after-headers', afterBytes: 10 });
    close = setup.close;
    const outcome = await fetchOutcome(`${setup.proxy.url}/bytes?n=5000`);
    expect(outcome.status).toBe(200);
    expect(outcome.headers?.['content-length']).toBe('5000');
    expect(outcome.body).toBe('x'.repeat(10));
    expect(['ECONNRESET', 'aborted']).toContain(outcome.error);
    expect(setup.upstream.seen).toEqual([`127.0.0.1:${setup.proxy.address.port} /bytes?n=5000`]);
  });

  it('after the headers with no body bytes: headers only, then the reset', async () => {
    const setup = await proxyWith(resetFault, { phase: 'after-headers' });
    close = setup.close;
    const outcome = await fetchOutcome(`${setup.proxy.url}/bytes?n=100`);
    expect(outcome.status).toBe(200);
    expect(outcome.body).toBe('');
    expect(outcome.error).toBeDefined();
  });
});
