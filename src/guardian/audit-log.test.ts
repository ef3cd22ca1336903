import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../core/index.js';
import type { AuditStore } from '../store/audit-store.js';
import { createMemoryAuditStore } from '../store/memory/create-memory-audit-store.js';
import { createAuditLog } from './audit-log.js';

const record = (action: string, details: Record<string, unknown> = {}) => ({
  actor: 'user:alice',
  action,
  target: 't',
  outcome: 'success' as const,
  ip: '192.0.2.1',
  details,
});

describe('createAuditLog', () => {
  it('chains entries from 128 zeros with SHA-512 over the canonical record', async () => {
    const log = createAuditLog(createMemoryAuditStore(), () => 1_700_000_000_000);
    const first = await log.append(record('auth.login', { b: 2, a: { d: [1], c: 'x' } }));
    const second = await log.append({ ...record('decision.create'), time: 42 });
    const expected = createHash('sha512')
      .update(
        `["${'0'.repeat(128)}",1,1700000000000,"user:alice","auth.login","t","success","192.0.2.1",{"a":{"c":"x","d":[1]},"b":2}]`,
      )
      .digest('hex');
    expect(first).toMatchObject({
      seq: 1,
      time: 1_700_000_000_000,
      prevHash: '0'.repeat(128),
      hash: expected,
    });
    expect(second).toMatchObject({ seq: 2, time: 42, prevHash: first.hash });
    expect(second.hash).toMatch(/^[0-9a-f]{128}$/);
  });

  it('keeps details as JSON keeps them, whatever key order they came in', async () => {
    const store = createMemoryAuditStore();
    const log = createAuditLog(store, () => 5);
    const a = await log.append(record('x', { when: new Date(0), skip: undefined, z: 1, y: 2 }));
    expect(a.details).toEqual({ when: '1970-01-01T00:00:00.000Z', z: 1, y: 2 });
    expect(Object.hasOwn(a.details, 'skip')).toBe(false);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it('lands concurrent appends in call order, even when the store answers out of order', async () => {
    const memory = createMemoryAuditStore();
    let calls = 0;
    // A store whose first append is slow: without the queue, the second would be linked first.
    const slow: AuditStore = {
      ...memory,
      append: async (link) => {
        if (calls++ === 0) await new Promise((r) => setTimeout(r, 20));
        return memory.append(link);
      },
    };
    const log = createAuditLog(slow, () => 1);
    const entries = await Promise.all(['first', 'second', 'third'].map((a) => log.append(record(a))));
    expect(entries.map((e: AuditEntry) => [e.seq, e.action])).toEqual([
      [1, 'first'],
      [2, 'second'],
      [3, 'third'],
    ]);
    expect(await log.verify()).toEqual({ ok: true, entries: 3, head: { seq: 3, hash: entries[2]!.hash } });
  });

  it('goes on after a failed append, and refuses a time that is not epoch milliseconds', async () => {
    const memory = createMemoryAuditStore();
    let fail = true;
    const flaky: AuditStore = {
      ...memory,
      append: async (link) => {
        if (fail) {
          fail = false;
          throw new Error('disk full');
        }
        return memory.append(link);
      },
    };
    const log = createAuditLog(flaky, () => 1);
    await expect(log.append(record('a'))).rejects.toThrow('disk full');
    expect((await log.append(record('b'))).seq).toBe(1);
    await expect(log.append({ ...record('c'), time: Number.NaN })).rejects.toThrow(TypeError);
    await expect(log.append(record('d', { big: 1n }))).rejects.toThrow(TypeError);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it('verifies an empty log as intact', async () => {
    expect(await createAuditLog(createMemoryAuditStore()).verify()).toEqual({
      ok: true,
      entries: 0,
      head: undefined,
    });
  });
});
