import { describe, expect, it } from 'vitest';
import { createMemoryAgentMemoryStore } from '../../store/index.js';
import { agentMemory } from './agent-memory.js';

describe('agentMemory', () => {
  it('keeps one agent’s values apart from another’s, and expires them by its clock', async () => {
    const store = createMemoryAgentMemoryStore();
    let now = 1000;
    const mine = agentMemory(store, 'mine', () => now);
    const theirs = agentMemory(store, 'theirs', () => now);
    await mine.put('k', { a: 1 }, { ttlMs: 500 });
    await mine.put('keep', true);
    await theirs.put('k', 'other');
    expect(await mine.get('k')).toEqual({ a: 1 });
    expect(await store.get('mine', 'k', 1499)).toEqual({ a: 1 });
    now = 1500;
    expect(await mine.get('k')).toBeUndefined();
    expect((await mine.list()).map((e) => e.key)).toEqual(['keep']);
    expect(await theirs.get('k')).toBe('other');
    expect(await mine.delete('keep')).toBe(true);
    expect(await mine.list()).toEqual([]);
  });
});
