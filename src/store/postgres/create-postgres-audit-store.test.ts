import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/index.js';
import type { AuditHead, AuditStore } from '../audit-store.js';
import { auditStoreConformance } from '../audit-store-conformance.testing.js';
import { createPostgresAuditStore } from './create-postgres-audit-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

const link =
  (actor: string) =>
  (head: AuditHead | undefined): AuditEntry => {
    const seq = (head?.seq ?? 0) + 1;
    return {
      seq,
      time: seq,
      actor,
      action: 'a',
      target: '',
      outcome: 'success',
      ip: '',
      details: { seq },
      prevHash: head?.hash ?? 'genesis',
      hash: `${actor}-${seq}`,
    };
  };

async function scanned(store: AuditStore): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const e of store.scan()) out.push(e);
  return out;
}

describe.skipIf(!postgresReachable)('postgres audit store', () => {
  auditStoreConformance('postgres', async () => createPostgresAuditStore(await schemas.open()));

  it('keeps one chain when two pools append at once', async () => {
    const schema = schemas.name();
    const a = createPostgresAuditStore(await schemas.open(schema));
    const b = createPostgresAuditStore(await schemas.open(schema));
    await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).append(link(`p${i % 2}`))));
    const entries = await scanned(a);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(entries[0]?.prevHash).toBe('genesis');
    expect(entries.slice(1).every((e, i) => e.prevHash === entries[i]!.hash)).toBe(true);
    expect(await b.head()).toEqual({ seq: 60, hash: entries[59]!.hash });
    await a.close();
    await b.close();
  });

  it('scans rows as they are stored, tampered or not, in position order', async () => {
    const db = await schemas.open();
    const store = createPostgresAuditStore(db);
    for (let i = 0; i < 4; i++) await store.append(link('x'));
    await db.query("UPDATE audit SET details = '{not json' WHERE seq = 2");
    await db.query('UPDATE audit SET position = 9007199254740993 WHERE seq = 1');
    await db.query('UPDATE audit SET position = -5 WHERE seq = 4');
    const entries = await scanned(store);
    expect(entries.map((e) => e.seq)).toEqual([4, 2, 3, 1]);
    expect(entries[1]).toMatchObject({ details: '{not json' });
    await store.close();
  });

  it('pages through positions beyond 2^53 without losing or repeating rows', async () => {
    const db = await schemas.open();
    const store = createPostgresAuditStore(db);
    for (let i = 0; i < 502; i++) await store.append(link('x'));
    // The 500th row, where the first page ends, sits at 2^53 + 1: a double would read it as 2^53.
    await db.query('UPDATE audit SET position = 9007199254740993 WHERE seq = 500');
    await db.query('UPDATE audit SET position = 9007199254740995 WHERE seq = 501');
    await db.query('UPDATE audit SET position = 9007199254740997 WHERE seq = 502');
    expect((await scanned(store)).map((e) => e.seq)).toEqual(Array.from({ length: 502 }, (_, i) => i + 1));
    await store.close();
  });

  it('keeps the details text as written, key order included', async () => {
    const db = await schemas.open();
    const store = createPostgresAuditStore(db);
    await store.append((head) => ({ ...link('x')(head), details: { zeta: 1, alpha: { b: 2, a: 1 } } }));
    const { rows } = await db.query<{ details: string }>('SELECT details FROM audit');
    expect(rows[0]?.details).toBe('{"zeta":1,"alpha":{"b":2,"a":1}}');
    await store.close();
  });
});
