import { describe, expect, it } from 'vitest';
import type { Decision } from '../../core/index.js';
import { decisionStoreConformance } from '../decision-store-conformance.testing.js';
import { createRedisDecisionStore, watchDecisions } from './create-redis-decision-store.js';
import { redisReachable, testPrefixes } from './redis-test-database.testing.js';

const prefixes = testPrefixes();

const at = (id: string, over: Partial<Decision> = {}): Decision => ({
  id,
  scope: 'ip',
  value: '192.0.2.9',
  action: 'block',
  reason: 'r',
  source: 'manual',
  created: 7,
  expires: null,
  createdBy: 'cli',
  ...over,
});

describe.skipIf(!redisReachable)('redis decision store', () => {
  decisionStoreConformance('redis', async () => createRedisDecisionStore(await prefixes.open()));

  it('shows a decision one client adds to another client on the same prefix', async () => {
    const prefix = prefixes.name();
    const one = createRedisDecisionStore(await prefixes.open(prefix));
    const two = createRedisDecisionStore(await prefixes.open(prefix));
    await one.add(at('d1', { expires: 9_000_000_000_000 }));
    expect(await two.list(0)).toStrictEqual([at('d1', { expires: 9_000_000_000_000 })]);
    expect(await two.remove('d1')).toBe(true);
    expect(await one.list(0)).toEqual([]);
  });

  it('lists a replaced decision after the others created in the same millisecond', async () => {
    const store = createRedisDecisionStore(await prefixes.open());
    for (const id of ['a', 'b', 'c']) await store.add(at(id));
    await store.add(at('a', { reason: 'again' }));
    expect((await store.list(0)).map((d) => d.id)).toEqual(['b', 'c', 'a']);
  });

  it('forgets the expiry of a decision replaced by a permanent one', async () => {
    const store = createRedisDecisionStore(await prefixes.open());
    await store.add(at('p', { expires: 50 }));
    await store.add(at('p'));
    expect(await store.prune(100)).toBe(0);
    expect((await store.list(100)).map((d) => d.id)).toEqual(['p']);
  });

  it('keeps decisions of another prefix apart', async () => {
    const one = createRedisDecisionStore(await prefixes.open());
    const two = createRedisDecisionStore(await prefixes.open());
    await one.add(at('mine'));
    expect(await two.list(0)).toEqual([]);
  });

  it('tells a watcher on another client of each add, remove and prune, and of nothing else', async () => {
    const prefix = prefixes.name();
    const writer = createRedisDecisionStore(await prefixes.open(prefix));
    const reader = createRedisDecisionStore(await prefixes.open(prefix));
    const heard: number[] = [];
    const stop = await watchDecisions(await prefixes.open(prefix), () => heard.push(Date.now()));
    // Counts what an action makes the watcher hear; the message may arrive before the action's own reply.
    const heardAfter = async (action: () => Promise<unknown>, waitMs: number) => {
      const before = heard.length;
      await action();
      const started = Date.now();
      while (heard.length === before && Date.now() - started < waitMs)
        await new Promise((r) => setTimeout(r, 5));
      return heard.length - before;
    };
    try {
      expect(await heardAfter(() => writer.add(at('w', { expires: 10 })), 2000)).toBeGreaterThan(0);
      expect((await reader.list(0)).map((d) => d.id)).toEqual(['w']);
      expect(await heardAfter(async () => expect(await writer.prune(10)).toBe(1), 2000)).toBeGreaterThan(0);
      expect(await heardAfter(() => writer.add(at('x')), 2000)).toBeGreaterThan(0);
      expect(await heardAfter(async () => expect(await writer.remove('x')).toBe(true), 2000)).toBeGreaterThan(
        0,
      );
      // Nothing changed: nothing to hear.
      const quiet = async () => {
        expect(await writer.remove('x')).toBe(false);
        expect(await writer.prune(10)).toBe(0);
      };
      expect(await heardAfter(quiet, 300)).toBe(0);
    } finally {
      await stop();
    }
  });
});
