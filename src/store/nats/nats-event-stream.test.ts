import { describe, expect, it, vi } from 'vitest';
import type { SecurityEvent } from '../../core/index.js';
import type { EventSink } from '../event-store.js';
import { createMemoryEventStore } from '../memory/create-memory-event-store.js';
import { securityEvent } from '../security-event-fixture.testing.js';
import { consumeNatsEvents } from './consume-nats-events.js';
import { natsReachable, testStreams } from './nats-test-server.testing.js';
import { publishNatsEvents } from './publish-nats-events.js';

const streams = testStreams();

const events = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) =>
    securityEvent({ id: `e${from + i}`, time: 1_700_000_000_000 + from + i }),
  );

/** A memory store that refuses appends while `down` is set, and any batch holding an id starting `poison`. */
function flaky() {
  const store = createMemoryEventStore({ max: 100_000 });
  const state = { down: false, appends: 0 };
  const sink: EventSink = {
    append(batch: readonly SecurityEvent[]) {
      state.appends++;
      if (state.down) return Promise.reject(new Error('store is down'));
      if (batch.some((e) => e.id.startsWith('poison'))) return Promise.reject(new Error('value too long'));
      return store.append(batch);
    },
  };
  return { store, sink, state };
}

describe.skipIf(!natsReachable)('event stream over NATS JetStream', () => {
  it('carries every event published by several gateways to the store once, even when published twice', async () => {
    const options = streams.options();
    const gateways = [await streams.open(options), await streams.open(options), await streams.open(options)];
    const control = await streams.open(options);
    const { store } = flaky();
    const heard: string[] = [];
    const consumer = consumeNatsEvents(control, store, {
      batchSize: 100,
      onEvents: (e) => heard.push(...e.map((x) => x.id)),
    });
    await Promise.all(gateways.map((bus, g) => publishNatsEvents(bus).append(events(300, g * 1000))));
    // A batch published again (its acknowledgement lost, say) is dropped by the stream's duplicate window.
    await publishNatsEvents(gateways[0]!).append(events(300, 0));
    await vi.waitFor(async () => expect(await store.count()).toBe(900), { timeout: 10_000 });
    await consumer.stop();
    expect(consumer.stats).toMatchObject({ stored: 900, dead: 0 });
    expect(new Set(heard).size).toBe(900);
    const info = await control.jsm.streams.info(options.stream);
    expect(info.state.messages).toBe(900);
  });

  it('keeps what a down store refuses in the stream, past maxDeliver deliveries, and stores it once it is back', async () => {
    const options = streams.options({ maxDeliver: 2 });
    const bus = await streams.open(options);
    const { store, sink, state } = flaky();
    state.down = true;
    const errors: string[] = [];
    const consumer = consumeNatsEvents(bus, sink, { onError: (_e, what) => errors.push(what) });
    await publishNatsEvents(bus).append(events(50));
    await vi.waitFor(() => expect(state.appends).toBeGreaterThanOrEqual(4), { timeout: 15_000 });
    expect(await store.count()).toBe(0);
    state.down = false;
    await vi.waitFor(async () => expect(await store.count()).toBe(50), { timeout: 15_000 });
    await consumer.stop();
    expect(consumer.stats.refused).toBeGreaterThanOrEqual(1);
    expect(consumer.stats.dead).toBe(0);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('sends what the store refuses while it takes others, and what is not an event, to the dead-letter subject', async () => {
    const options = streams.options({ maxDeliver: 2 });
    const bus = await streams.open(options);
    const { store, sink } = flaky();
    await bus.js.publish(options.subject, new TextEncoder().encode('{not json'), { msgID: 'junk' });
    const poison = [0, 1, 2].map((i) => securityEvent({ id: `poison${i}`, time: 1_700_000_000_000 + i }));
    await publishNatsEvents(bus).append([...poison, ...events(3)]);
    const consumer = consumeNatsEvents(bus, sink);
    await vi.waitFor(() => expect(consumer.stats.dead).toBe(4), { timeout: 20_000 });
    await consumer.stop();
    // The good events of the refused batches were stored alone.
    expect(await store.count()).toBe(3);
    const dead = await bus.jsm.streams.info(bus.dead.stream);
    expect(dead.state.messages).toBe(4);
    const first = await bus.jsm.streams.getMessage(bus.dead.stream, { seq: 1 });
    expect(first?.header.get('Infinisec-Dead-Reason')).toBe('not a security event');
  });

  it('refuses to publish while disconnected, so that the writer keeps the batch', async () => {
    const bus = await streams.open(streams.options());
    await bus.close();
    await expect(publishNatsEvents(bus).append(events(1))).rejects.toThrow();
  });
});
