import { describe, expect, it } from 'vitest';
import { createEventBus, type RequestSample, SILENT_LOG, type Topics } from '../../core/index.js';
import { createMemoryRequestSampleStore, type RequestSampleStore } from '../../store/index.js';
import { startSampleStorage } from './sample-storage.js';

const sample = (i: number): RequestSample => ({
  id: `s${i}`,
  time: i,
  site: 'shop',
  ip: '192.0.2.1',
  method: 'GET',
  target: `/p/${i}`,
  host: 'shop.test',
  headers: [],
  httpVersion: '1.1',
  protocol: 'http',
  body: null,
  action: 'allow',
});

describe('sample storage', () => {
  it('stores samples from the bus in batches, transformed, and keeps the newest max', async () => {
    const bus = createEventBus<Topics>();
    const store = createMemoryRequestSampleStore({ max: 10_000 });
    const storage = startSampleStorage(bus, store, SILENT_LOG, {
      max: () => 5,
      transform: (s) => ({ ...s, ip: '192.0.2.0' }),
    });
    for (let i = 1; i <= 12; i++) bus.publish('request.sampled', sample(i));
    await storage.close();
    const kept = await store.list();
    expect(kept.map((s) => s.id)).toEqual(['s12', 's11', 's10', 's9', 's8']);
    expect(kept.every((s) => s.ip === '192.0.2.0')).toBe(true);
    expect(storage.stats).toMatchObject({ stored: 12, dropped: 0, failed: 0 });
  });

  it('drops what overflows its queue and survives a failing store', async () => {
    const bus = createEventBus<Topics>();
    const failing: RequestSampleStore = {
      ...createMemoryRequestSampleStore({ max: 10 }),
      add: () => Promise.reject(new Error('down')),
    };
    const storage = startSampleStorage(bus, failing, SILENT_LOG, {
      max: () => 10,
      maxQueue: 3,
      flushMs: 60_000,
    });
    for (let i = 1; i <= 5; i++) bus.publish('request.sampled', sample(i));
    await storage.flush();
    expect(storage.stats).toMatchObject({ stored: 0, dropped: 2, failed: 3 });
    await storage.close();
  });
});
