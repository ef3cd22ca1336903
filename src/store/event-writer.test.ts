import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SecurityEvent } from '../core/index.js';
import type { EventStore } from './event-store.js';
import { createEventWriter } from './event-writer.js';
import { createMemoryEventStore } from './memory/create-memory-event-store.js';
import { securityEvent } from './security-event-fixture.testing.js';
import { createSqliteEventStore } from './sqlite/create-sqlite-event-store.js';
import { openSqlite } from './sqlite/open-sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'infinisec-event-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const events = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => securityEvent({ id: `e${from + i}`, time: from + i }));

/** A real memory store behind appends that take a while, recording how many overlap and how big they are. */
function slowStore(inner: EventStore) {
  const seen = { inFlight: 0, maxInFlight: 0, sizes: [] as number[] };
  const store: EventStore = {
    ...inner,
    async append(batch) {
      seen.inFlight++;
      seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
      seen.sizes.push(batch.length);
      await sleep(5);
      await inner.append(batch);
      seen.inFlight--;
    },
  };
  return { store, seen };
}

/** The store being down: every append fails while `down` is set, synchronously when `sync` is too. */
function flakyStore(inner: EventStore) {
  const state = { down: true, sync: false };
  const store: EventStore = {
    ...inner,
    append(batch) {
      if (state.down && state.sync) throw new Error('store is down (sync)');
      return state.down ? Promise.reject(new Error('store is down')) : inner.append(batch);
    },
  };
  return { store, state };
}

describe('event writer', () => {
  it('writes full batches at once and leaves a partial one for the timer', async () => {
    const store = createMemoryEventStore({ max: 10_000 });
    const writer = createEventWriter(store, { batchSize: 10, flushMs: 60_000 });
    for (const event of events(25)) expect(writer.push(event)).toBe(true);
    expect(writer.stats).toEqual({
      queued: 25,
      written: 0,
      dropped: 0,
      failed: 0,
      retried: 0,
      failing: false,
    });
    await vi.waitFor(() => expect(writer.stats.written).toBe(20));
    expect(writer.stats.queued).toBe(5);
    await writer.flush();
    expect(writer.stats).toEqual({
      queued: 0,
      written: 25,
      dropped: 0,
      failed: 0,
      retried: 0,
      failing: false,
    });
    expect(await store.count()).toBe(25);
    await writer.close();
  });

  it('writes a partial batch flushMs after its first event', async () => {
    const store = createMemoryEventStore({ max: 10_000 });
    const writer = createEventWriter(store, { batchSize: 100, flushMs: 20 });
    for (const event of events(3)) writer.push(event);
    await vi.waitFor(() => expect(writer.stats.written).toBe(3), { timeout: 2000 });
    expect((await store.query({})).events.map((e) => e.id)).toEqual(['e2', 'e1', 'e0']);
    await writer.close();
  });

  it('never writes inside push, even to a synchronous store', async () => {
    const store = createSqliteEventStore(openSqlite(join(dir, 'sync.db')));
    const writer = createEventWriter(store, { batchSize: 5 });
    for (const event of events(12)) writer.push(event);
    expect(await store.count()).toBe(0);
    await writer.close();
    expect(await store.count()).toBe(12);
    await store.close();
  });

  it('drops and counts what does not fit the queue', async () => {
    const store = createMemoryEventStore({ max: 10_000 });
    const writer = createEventWriter(store, { batchSize: 100, flushMs: 60_000, maxQueue: 10 });
    const accepted = events(12).map((event) => writer.push(event));
    expect(accepted.filter(Boolean)).toHaveLength(10);
    expect(accepted.slice(10)).toEqual([false, false]);
    await writer.flush();
    expect(writer.stats).toEqual({
      queued: 0,
      written: 10,
      dropped: 2,
      failed: 0,
      retried: 0,
      failing: false,
    });
    expect(await store.count()).toBe(10);
    await writer.close();
  });

  it('has one append in flight at a time, in batches no bigger than batchSize', async () => {
    const { store, seen } = slowStore(createMemoryEventStore({ max: 10_000 }));
    const writer = createEventWriter(store, { batchSize: 100, flushMs: 1 });
    const all = events(2000);
    for (let i = 0; i < all.length; i += 250) {
      for (const event of all.slice(i, i + 250)) writer.push(event);
      await sleep(2);
    }
    await Promise.all([writer.flush(), writer.flush()]);
    expect(seen.maxInFlight).toBe(1);
    expect(Math.max(...seen.sizes)).toBeLessThanOrEqual(100);
    expect(seen.sizes.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(await store.count()).toBe(2000);
    await writer.close();
  });

  it('counts and reports the batches a down store loses, and goes on when it is back', async () => {
    const { store, state } = flakyStore(createMemoryEventStore({ max: 10_000 }));
    const reported: [string, number][] = [];
    const writer = createEventWriter(store, {
      batchSize: 4,
      onError: (err, lost) => reported.push([(err as Error).message, lost]),
    });
    for (const event of events(6)) expect(writer.push(event)).toBe(true);
    await writer.flush();
    state.sync = true;
    writer.push(events(1, 6)[0]!);
    await writer.flush();
    expect(reported).toEqual([
      ['store is down', 4],
      ['store is down', 2],
      ['store is down (sync)', 1],
    ]);
    state.down = false;
    for (const event of events(3, 10)) writer.push(event);
    await writer.flush();
    expect(writer.stats).toEqual({
      queued: 0,
      written: 3,
      dropped: 0,
      failed: 7,
      retried: 0,
      failing: false,
    });
    expect(await store.count()).toBe(3);
    await writer.close();
  });

  it('with retry, keeps what a down store refuses and writes all of it, in order, once it is back', async () => {
    const { store, state } = flakyStore(createMemoryEventStore({ max: 10_000 }));
    const reported: number[] = [];
    const writer = createEventWriter(store, {
      batchSize: 4,
      flushMs: 10,
      retry: true,
      onError: (_err, lost) => reported.push(lost),
    });
    for (const event of events(6)) writer.push(event);
    await vi.waitFor(() => expect(writer.stats.retried).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    expect(writer.stats).toMatchObject({ queued: 6, written: 0, failed: 0, failing: true });
    state.down = false;
    await writer.flush();
    expect(writer.stats).toMatchObject({ queued: 0, written: 6, failed: 0, dropped: 0, failing: false });
    expect(reported.every((lost) => lost === 0)).toBe(true);
    const stored = await store.query({ limit: 10 });
    expect(stored.events.map((e) => e.id).sort()).toEqual(
      events(6)
        .map((e) => e.id)
        .sort(),
    );
    await writer.close();
  });

  it('with retry, still holds at most maxQueue events while the store is down, and counts the rest', async () => {
    const { store, state } = flakyStore(createMemoryEventStore({ max: 10_000 }));
    const writer = createEventWriter(store, { batchSize: 50, maxQueue: 100, flushMs: 10, retry: true });
    for (const event of events(150)) writer.push(event);
    await vi.waitFor(() => expect(writer.stats.retried).toBeGreaterThanOrEqual(1), { timeout: 5000 });
    expect(writer.stats).toMatchObject({ queued: 100, dropped: 50 });
    state.down = false;
    await writer.flush();
    expect(await store.count()).toBe(100);
    await writer.close();
  });

  it('with retry, gives up on close: one last try, then what is left is lost and counted', async () => {
    const { store } = flakyStore(createMemoryEventStore({ max: 10_000 }));
    const writer = createEventWriter(store, { batchSize: 2, flushMs: 10, retry: true });
    for (const event of events(5)) writer.push(event);
    await vi.waitFor(() => expect(writer.stats.retried).toBeGreaterThanOrEqual(1), { timeout: 5000 });
    await writer.close();
    expect(writer.stats).toMatchObject({ queued: 0, written: 0, failed: 5 });
  });

  it('goes on when the error handler itself throws', async () => {
    const { store, state } = flakyStore(createMemoryEventStore({ max: 10_000 }));
    const writer = createEventWriter(store, {
      onError: () => {
        throw new Error('handler bug');
      },
    });
    writer.push(events(1)[0]!);
    await writer.flush();
    state.down = false;
    writer.push(events(1, 1)[0]!);
    await writer.flush();
    expect(writer.stats).toMatchObject({ written: 1, failed: 1 });
    await writer.close();
  });

  it('flushes on close, then drops what is pushed', async () => {
    const store = createMemoryEventStore({ max: 10_000 });
    const writer = createEventWriter(store, { flushMs: 60_000 });
    for (const event of events(3)) writer.push(event);
    await writer.close();
    expect(await store.count()).toBe(3);
    expect(writer.push(events(1, 3)[0]!)).toBe(false);
    expect(writer.stats).toEqual({
      queued: 0,
      written: 3,
      dropped: 1,
      failed: 0,
      retried: 0,
      failing: false,
    });
  });

  it('keeps up with thousands of events into SQLite', async () => {
    const store = createSqliteEventStore(openSqlite(join(dir, 'many.db')));
    const writer = createEventWriter(store, { flushMs: 5 });
    const all: SecurityEvent[] = events(10_000);
    for (const event of all) writer.push(event);
    await writer.close();
    expect(writer.stats).toEqual({
      queued: 0,
      written: 10_000,
      dropped: 0,
      failed: 0,
      retried: 0,
      failing: false,
    });
    expect(await store.count()).toBe(10_000);
    expect((await store.query({ limit: 1 })).events[0]?.id).toBe('e9999');
    await store.close();
  });

  it('refuses options that are not positive integers', () => {
    const store = createMemoryEventStore({ max: 1 });
    expect(() => createEventWriter(store, { batchSize: 0 })).toThrow(/batchSize/);
    expect(() => createEventWriter(store, { flushMs: 1.5 })).toThrow(/flushMs/);
    expect(() => createEventWriter(store, { maxQueue: -1 })).toThrow(/maxQueue/);
  });
});
