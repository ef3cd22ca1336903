import { describe, expect, it } from 'vitest';
import { eventOf } from '../shared/events.testing.js';
import { ClientActivity } from './client-activity.js';

describe('ClientActivity', () => {
  it('measures rate, errors, paths, timing regularity and identities', () => {
    const activity = new ClientActivity(0);
    for (let i = 0; i < 30; i++)
      activity.observe(
        eventOf({
          time: i * 1000,
          path: `/p${i % 5}`,
          status: i % 3 === 0 ? 404 : 200,
          userAgent: i < 10 ? 'a' : 'b',
        }),
      );
    const features = activity.features();
    expect(features.requests).toBe(30);
    expect(features.rate).toBeCloseTo((30 * 60_000) / 29_000, 6);
    expect(features.errorRatio).toBeCloseTo(10 / 30, 6);
    expect(features.distinctPaths).toBe(5);
    expect(features.timingCv).toBe(0);
    expect(features.fingerprints).toBe(2);
  });

  it('sees irregular timing as a high coefficient of variation', () => {
    const activity = new ClientActivity(0);
    const gaps = [100, 5000, 200, 9000, 50, 3000, 400];
    let time = 0;
    for (const gap of gaps) {
      time += gap;
      activity.observe(eventOf({ time }));
    }
    const mean = gaps.slice(1).reduce((a, b) => a + b) / (gaps.length - 1);
    const sd = Math.sqrt(gaps.slice(1).reduce((s, g) => s + (g - mean) ** 2, 0) / (gaps.length - 2));
    expect(activity.features().timingCv).toBeCloseTo(sd / mean, 6);
  });

  it('stays bounded: distinct paths and identities saturate', () => {
    const activity = new ClientActivity(0);
    for (let i = 0; i < 1000; i++)
      activity.observe(eventOf({ time: i, path: `/x${i}`, fingerprint: `f${i}`, userAgent: `u${i}` }));
    expect(activity.features()).toMatchObject({ distinctPaths: 64, fingerprints: 16, requests: 1000 });
  });
});
