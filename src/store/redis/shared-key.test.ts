import { describe, expect, it } from 'vitest';
import { redisReachable, testPrefixes } from './redis-test-database.testing.js';
import { sharedKey } from './shared-key.js';

const prefixes = testPrefixes();

describe.skipIf(!redisReachable)('sharedKey', () => {
  it('gives every process on a prefix the first candidate, and other prefixes their own', async () => {
    const prefix = prefixes.name();
    const [one, two] = [await prefixes.open(prefix), await prefixes.open(prefix)];
    const answers = await Promise.all([
      sharedKey(one, 'labyrinth', 'first'),
      sharedKey(two, 'labyrinth', 'second'),
    ]);
    expect(answers[0]).toBe(answers[1]);
    expect(await sharedKey(two, 'labyrinth', 'third')).toBe(answers[0]);
    expect(await sharedKey(await prefixes.open(), 'labyrinth', 'elsewhere')).toBe('elsewhere');
  });
});
