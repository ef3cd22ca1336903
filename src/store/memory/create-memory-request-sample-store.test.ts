import { describe, expect, it } from 'vitest';
import { requestSample, requestSampleStoreConformance } from '../request-sample-store-conformance.testing.js';
import { createMemoryRequestSampleStore } from './create-memory-request-sample-store.js';

requestSampleStoreConformance('memory', async () => createMemoryRequestSampleStore({ max: 10_000 }));

describe('memory request sample store', () => {
  it('drops the oldest samples past its bound, by time', async () => {
    const store = createMemoryRequestSampleStore({ max: 3 });
    await store.add([5, 1, 4, 2].map((t) => requestSample(`t${t}`, t)));
    await store.add([requestSample('t3', 3)]);
    expect((await store.list()).map((s) => s.id)).toEqual(['t5', 't4', 't3']);
    // A dropped id may be stored again.
    await store.add([requestSample('t1', 10)]);
    expect((await store.list({ limit: 1 }))[0]?.id).toBe('t1');
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => createMemoryRequestSampleStore({ max: 0 })).toThrow(/max/);
    expect(() => createMemoryRequestSampleStore({ max: 1.5 })).toThrow(/max/);
  });
});
