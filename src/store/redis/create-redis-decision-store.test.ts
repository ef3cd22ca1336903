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
    const heardWithin = async (ms: number) => {
      const count = heard.length;
      const started = Date.now();
      while (heard.length === count && Date.now() - started < ms) await new Promise((r) => setTimeout(r, 5));
      return heard.length > count;
    };
    try {
      await writer.add(at('w', { expires: 10 }));
      expect(await heardWithin(2000)).toBe(true);
      expect((await reader.list(0)).map((d) => d.id)).toEqual(['w']);
      expect(await writer.prune(10)).toBe(1);
      expect(await heardWithin(2000)).toBe(true);
      await writer.add(at('x'));
      expect(await heardWithin(2000)).toBe(true);
      expect(await writer.remove('x')).toBe(true);
      expect(await heardWithin(2000)).toBe(true);
      // Nothing changed: nothing to hear.
      expect(await writer.remove('x')).toBe(false);
      expect(await writer.prune(10)).toBe(0);
      expect(await heardWithin(300)).toBe(false);
    } finally {
      await stop();
    }
  });
});
