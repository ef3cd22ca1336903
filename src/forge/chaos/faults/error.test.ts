import { afterEach, describe, expect, it } from 'vitest';
import { fetchOutcome, proxyWith } from '../chaos-upstream.testing.js';
import { errorFault } from './error.js';

describe('error fault', () => {
  let close = async () => {};
  afterEach(() => close());

  it('answers the status and body in the upstream place; the upstream sees nothing', async () => {
    const setup = await proxyWith(errorFault, { status: 503, body: 'down for chaos\n' });
    close = setup.close;
    const outcome = await fetchOutcome(`${setup.proxy.url}/api/products`);
    expect(outcome).toMatchObject({ status: 503, body: 'down for chaos\n' });
    expect(outcome.error).toBeUndefined();
    expect(outcome.headers?.['content-type']).toBe('text/plain; charset=utf-8');
    expect(setup.upstream.seen).toEqual([]);
    expect(setup.proxy.counts().injected).toEqual({ 'under-test': 1 });
  });

  it('defaults to 503 Service Unavailable', async () => {
    const setup = await proxyWith(errorFault, {});
    close = setup.close;
    expect(await fetchOutcome(`${setup.proxy.url}/`)).toMatchObject({
      status: 503,
      body: 'Service Unavailable\n',
    });
  });

  it('refuses a status that is not an error', () => {
    expect(errorFault.options.safeParse({ status: 200 }).success).toBe(false);
  });
});
