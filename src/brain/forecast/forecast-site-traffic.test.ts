import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../../store/memory/create-memory-event-store.js';
import { securityEvent } from '../../store/security-event-fixture.testing.js';
import { forecastSiteTraffic } from './forecast-site-traffic.js';
import { syntheticTraffic } from './synthetic-traffic.testing.js';

const HOUR = 3_600_000;
const START = Date.UTC(2025, 2, 1);

describe('forecastSiteTraffic', () => {
  it('reads the site from the store up to the last whole bucket and forecasts it', async () => {
    const store = createMemoryEventStore({ max: 100_000 });
    const shape = { period: 24, base: 40, amplitude: 20, trend: 0, noise: 2, seed: 4 };
    const counts = syntheticTraffic(shape, 24 * 3).map(Math.round);
    const events = counts.flatMap((count, hour) =>
      Array.from({ length: count }, (_, i) =>
        securityEvent({ id: `s${hour}-${i}`, time: START + hour * HOUR + i * 1000 }),
      ),
    );
    // Another site's traffic must not count, nor the events of the bucket still filling.
    const other = Array.from({ length: 500 }, (_, i) =>
      securityEvent({ id: `o${i}`, time: START + i, site: 'blog' }),
    );
    const filling = Array.from({ length: 900 }, (_, i) =>
      securityEvent({ id: `f${i}`, time: START + 72 * HOUR + i }),
    );
    await store.append([...events, ...other, ...filling]);

    const now = START + 72 * HOUR + 30 * 60_000;
    const result = await forecastSiteTraffic(store, 'shop', now, {
      bucketMs: HOUR,
      period: 24,
      horizon: 24,
      historyMs: 7 * 24 * HOUR,
      capacity: { capacityRps: 0.02, withinPct: 10 },
    });
    expect(result.site).toBe('shop');
    expect(result.forecast.method).toBe('holt-winters');
    expect(result.forecast.history).toBe(72);
    expect(result.forecast.points[0]?.time).toBe(START + 72 * HOUR);
    const hour6 = result.forecast.points[6]!.value;
    expect(Math.abs(hour6 - 60) / 60).toBeLessThan(0.15);
    // 0.02 req/s is 72 an hour: flagged within 10% (64.8 an hour) near the crest.
    expect(result.capacity?.flagged).toBe(true);
    await store.close();
  });

  it('gives no forecast for a site without traffic, and no capacity flag unless asked', async () => {
    const store = createMemoryEventStore({ max: 10 });
    const result = await forecastSiteTraffic(store, 'shop', START, { bucketMs: HOUR, period: 24 });
    expect(result).toEqual({
      site: 'shop',
      forecast: expect.objectContaining({ method: 'none', points: [] }),
    });
    await expect(
      forecastSiteTraffic(store, 'shop', START, { bucketMs: 300_000, historyMs: 365 * 24 * HOUR }),
    ).rejects.toThrow(/historyMs/);
    await store.close();
  });
});
