import { describe, expect, it } from 'vitest';
import type { Decision } from '../core/index.js';
import type { DecisionStore } from './decision-store.js';

function decision(id: string, over: Partial<Decision> = {}): Decision {
  return {
    id,
    scope: 'ip',
    value: '192.0.2.1',
    action: 'block',
    reason: 'test',
    source: 'manual',
    created: 100,
    expires: null,
    createdBy: 'tester',
    ...over,
  };
}

/** The behaviour every DecisionStore adapter must show; `make` gives a fresh, empty store. */
export function decisionStoreConformance(name: string, make: () => Promise<DecisionStore>): void {
  describe(`${name}: decision store`, () => {
    it('keeps every field of a decision, and replaces one by id', async () => {
      const store = await make();
      const full = decision('a', {
        scope: 'cidr',
        value: '2001:db8::/32',
        action: 'labyrinth',
        reason: 'scenario/scan-404',
        source: 'agent',
        expires: 5000,
        createdBy: 'defend',
      });
      await store.add(full);
      expect(await store.list(0)).toEqual([full]);
      await store.add({ ...full, action: 'block' });
      expect((await store.list(0)).map((d) => d.action)).toEqual(['block']);
      await store.close();
    });

    it('lists only what is in force, oldest first, and prunes what expired', async () => {
      const store = await make();
      await store.add(decision('late', { created: 300 }));
      await store.add(decision('gone', { created: 200, expires: 1000 }));
      await store.add(decision('early', { created: 100, expires: 5000 }));
      expect((await store.list(500)).map((d) => d.id)).toEqual(['early', 'gone', 'late']);
      expect((await store.list(1000)).map((d) => d.id)).toEqual(['early', 'late']);
      expect(await store.prune(1000)).toBe(1);
      expect(await store.prune(1000)).toBe(0);
      await store.close();
    });

    it('removes by id and says whether it was there', async () => {
      const store = await make();
      await store.add(decision('x'));
      expect(await store.remove('x')).toBe(true);
      expect(await store.remove('x')).toBe(false);
      expect(await store.list(0)).toEqual([]);
      await store.close();
    });
  });
}
