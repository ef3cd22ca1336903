import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../core/index.js';
import type { AuditHead, AuditStore } from './audit-store.js';

function entry(seq: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    time: seq * 10,
    actor: 'user:alice',
    action: 'decision.create',
    target: `d-${seq}`,
    outcome: 'success',
    ip: '192.0.2.1',
    details: {},
    prevHash: `h${seq - 1}`,
    hash: `h${seq}`,
    ...over,
  };
}

// The way the audit log links: the next seq after the head.
const next =
  (over: Partial<AuditEntry> = {}) =>
  (head: AuditHead | undefined) =>
    entry((head?.seq ?? 0) + 1, over);

async function collect(iterable: AsyncIterable<AuditEntry>): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** The behaviour every AuditStore adapter must show; `make` gives a fresh, empty store. */
export function auditStoreConformance(name: string, make: () => Promise<AuditStore>): void {
  describe(`${name}: audit store`, () => {
    it('starts empty', async () => {
      const store = await make();
      expect(await store.head()).toBeUndefined();
      expect(await store.list()).toEqual([]);
      expect(await collect(store.scan())).toEqual([]);
      await store.close();
    });

    it('hands link the head, keeps every field of the entry and moves the head', async () => {
      const store = await make();
      const heads: (AuditHead | undefined)[] = [];
      const first = await store.append((head) => {
        heads.push(head);
        return entry(1, { ip: '', details: { nested: { list: [1, 'two', null, { deep: true }] }, n: 1.5 } });
      });
      await store.append((head) => {
        heads.push(head);
        return entry(2, { outcome: 'failure', actor: 'cli', target: '' });
      });
      expect(heads).toEqual([undefined, { seq: 1, hash: 'h1' }]);
      expect(first.details).toEqual({ nested: { list: [1, 'two', null, { deep: true }] }, n: 1.5 });
      expect(await store.head()).toEqual({ seq: 2, hash: 'h2' });
      expect(await store.list()).toEqual([
        entry(1, { ip: '', details: { nested: { list: [1, 'two', null, { deep: true }] }, n: 1.5 } }),
        entry(2, { outcome: 'failure', actor: 'cli', target: '' }),
      ]);
      await store.close();
    });

    it('writes nothing when link throws', async () => {
      const store = await make();
      await store.append(next());
      await expect(
        store.append(() => {
          throw new Error('no link');
        }),
      ).rejects.toThrow('no link');
      expect(await store.head()).toEqual({ seq: 1, hash: 'h1' });
      expect((await collect(store.scan())).map((e) => e.seq)).toEqual([1]);
      await store.close();
    });

    it('gives every concurrent append the head the one before it left', async () => {
      const store = await make();
      await Promise.all(Array.from({ length: 50 }, () => store.append(next())));
      const seqs = (await collect(store.scan())).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await store.head()).toEqual({ seq: 50, hash: 'h50' });
      await store.close();
    });

    it('scans in storage order, as stored; lists oldest first', async () => {
      const store = await make();
      // The store links nothing itself: whatever link returns is what it keeps, in that order.
      for (const seq of [3, 1, 2]) await store.append(() => entry(seq, { prevHash: 'anything' }));
      expect((await collect(store.scan())).map((e) => e.seq)).toEqual([3, 1, 2]);
      expect((await store.list()).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(await store.head()).toEqual({ seq: 2, hash: 'h2' });
      await store.close();
    });

    it('scans past many pages and sees what is appended while it runs', async () => {
      const store = await make();
      for (let i = 0; i < 1203; i++) await store.append(next());
      let seen = 0;
      for await (const e of store.scan()) {
        expect(e.seq).toBe(++seen);
        if (seen === 1) await store.append(next());
      }
      expect(seen).toBe(1204);
      await store.close();
    });

    it('filters by afterSeq, actor, action and time (from inclusive, to exclusive); caps the limit', async () => {
      const store = await make();
      for (let seq = 1; seq <= 1100; seq++)
        await store.append(
          next({
            actor: seq % 2 === 0 ? 'user:bob' : 'user:alice',
            action: seq % 5 === 0 ? 'auth.login' : 'x',
          }),
        );
      const seqs = async (query: Parameters<AuditStore['list']>[0]) =>
        (await store.list(query)).map((e) => e.seq);
      expect((await store.list()).length).toBe(100);
      expect(await store.list({ limit: 5000 })).toHaveLength(1000);
      expect(await seqs({ afterSeq: 1096 })).toEqual([1097, 1098, 1099, 1100]);
      expect(await seqs({ afterSeq: 1090, actor: 'user:bob' })).toEqual([1092, 1094, 1096, 1098, 1100]);
      expect(await seqs({ action: 'auth.login', limit: 3 })).toEqual([5, 10, 15]);
      expect(await seqs({ from: 50, to: 80 })).toEqual([5, 6, 7]);
      expect(await seqs({ from: 50, to: 80, actor: 'user:alice', action: 'x' })).toEqual([7]);
      await store.close();
    });
  });
}
