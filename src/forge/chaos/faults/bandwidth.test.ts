import { afterEach, describe, expect, it } from 'vitest';
import { fetchOutcome, proxyWith } from '../chaos-upstream.testing.js';
import { bandwidthFault } from './bandwidth.js';

describe('bandwidth fault', () => {
  let close = async () => {};
  afterEach(() => close());

  it('sends the whole body, in small slices, no faster than the rate', async () => {
    const setup = await proxyWith(bandwidthFault, { bytesPerSecond: 4000 });
    close = setup.close;
    const outcome = await fetchOutcome(`${setup.proxy.url}/bytes?n=2000`);
    expect(outcome.status).toBe(200);
    expect(outcome.error).toBeUndefined();
    expect(outcome.body).toBe('x'.repeat(2000));
    // 200-byte slices at 4000 bytes/s: ten of them, the last one 450 ms after the first. A busy client may
    // read two slices at once, but never the whole body in one piece.
    expect(outcome.pieces).toBeGreaterThanOrEqual(2);
    expect(outcome.ms).toBeGreaterThanOrEqual(440);
  });

  it('refuses a rate under 100 bytes a second', () => {
    expect(bandwidthFault.options.safeParse({ bytesPerSecond: 10 }).success).toBe(false);
  });
});
