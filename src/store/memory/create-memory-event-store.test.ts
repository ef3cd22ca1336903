import { describe, expect, it } from 'vitest';
import { eventStoreConformance } from '../event-store-conformance.testing.js';
import { securityEvent } from '../security-event-fixture.testing.js';
import { createMemoryEventStore } from './create-memory-event-store.js';

eventStoreConformance('memory', async () => createMemoryEventStore({ max: 10_000 }));

describe('memory event store', () => {
  it('drops the oldest events past its bound, by time', async () => {
    const store = createMemoryEventStore({ max: 3 });
    await store.append([5, 1, 4, 2].map((t) => securityEvent({ id: `t${t}`, time: t })));
    await store.append([securityEvent({ id: 't3', time: 3 })]);
    expect((await store.query({})).events.map((e) => e.id)).toEqual(['t5', 't4', 't3']);
    expect(await store.get('t2')).toBeUndefined();
    // A dropped id may be stored again.
    await store.append([securityEvent({ id: 't1', time: 10 })]);
    expect(await store.get('t1')).toBeDefined();
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => createMemoryEventStore({ max: 0 })).toThrow(/max/);
    expect(() => createMemoryEventStore({ max: 1.5 })).toThrow(/max/);
  });
});
