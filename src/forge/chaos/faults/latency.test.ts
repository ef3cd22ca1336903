import { afterEach, describe, expect, it } from 'vitest';
import { fetchOutcome, proxyWith } from '../chaos-upstream.testing.js';
import { latencyFault } from './latency.js';

describe('latency fault', () => {
  let close = async () => {};
  afterEach(() => close());

  it('holds the request back for the delay, then lets it through unchanged', async () => {
    const setup = await proxyWith(latencyFault, { delay: '300ms' });
    close = setup.close;
    const outcome = await fetchOutcome(`${setup.proxy.url}/api/products`, { host: 'shop.example' });
    expect(outcome).toMatchObject({ status: 200, body: 'ok shop.example /api/products' });
    expect(outcome.headers?.['x-upstream']).toBe('yes');
    // A lower bound only: a busy machine makes it later, never earlier (timers may round down by 1 ms).
    expect(outcome.ms).toBeGreaterThanOrEqual(298);
    expect(setup.proxy.counts().injected).toEqual({ 'under-test': 1 });
  });

  it('spreads the delay over delay ± jitter', () => {
    let turn = 0;
    const randoms = [0, 0.5, 0.999_999];
    const options = latencyFault.options.parse({ delay: '100ms', jitter: '40ms' });
    const fault = latencyFault.create(options, () => randoms[turn++]!);
    expect([fault.hit(), fault.hit(), fault.hit()]).toEqual([
      { type: 'delay', ms: 60 },
      { type: 'delay', ms: 100 },
      { type: 'delay', ms: 140 },
    ]);
  });

  it('never goes below zero', () => {
    const fault = latencyFault.create(latencyFault.options.parse({ delay: 10, jitter: 50 }), () => 0);
    expect(fault.hit()).toEqual({ type: 'delay', ms: 0 });
  });
});
