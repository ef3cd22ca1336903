import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/index.js';
import type { AuditHead } from '../audit-store.js';
import { auditStoreConformance } from '../audit-store-conformance.testing.js';
import { createSqliteAuditStore } from './create-sqlite-audit-store.js';
import { openSqlite } from './open-sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'infinisec-sqlite-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

auditStoreConformance('sqlite', async () => createSqliteAuditStore(openSqlite(join(dir, `db-${n++}.db`))));

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

async function seqs(store: ReturnType<typeof createSqliteAuditStore>): Promise<number[]> {
  const out: number[] = [];
  for await (const e of store.scan()) out.push(e.seq);
  return out;
}

describe('sqlite audit store', () => {
  it('links to the head another connection wrote, and keeps the chain across a reopen', async () => {
    const file = join(dir, 'shared.db');
    const a = createSqliteAuditStore(openSqlite(file));
    const b = createSqliteAuditStore(openSqlite(file));
    for (let i = 0; i < 5; i++) {
      await a.append(link('a'));
      await b.append(link('b'));
    }
    const entries = await b.list();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(entries.slice(1).every((e, i) => e.prevHash === entries[i]!.hash)).toBe(true);
    await a.close();
    await b.close();
    const again = createSqliteAuditStore(openSqlite(file));
    expect(await again.head()).toEqual({ seq: 10, hash: 'b-10' });
    await again.close();
  });

  it('scans rows as they are stored, tampered or not, in position order', async () => {
    const db = openSqlite(join(dir, 'tampered.db'));
    const store = createSqliteAuditStore(db);
    for (let i = 0; i < 4; i++) await store.append(link('x'));
    db.prepare("UPDATE audit SET details = '{not json', time = 'noon' WHERE seq = 2").run();
    db.prepare('UPDATE audit SET position = 9007199254740993 WHERE seq = 1').run();
    db.prepare('UPDATE audit SET position = -5 WHERE seq = 4').run();
    const scanned: AuditEntry[] = [];
    for await (const e of store.scan()) scanned.push(e);
    expect(scanned.map((e) => e.seq)).toEqual([4, 2, 3, 1]);
    expect(scanned[1]).toMatchObject({ details: '{not json', time: 'noon' });
    await store.close();
  });

  it('pages through positions beyond 2^53 without losing or repeating rows', async () => {
    const db = openSqlite(join(dir, 'far.db'));
    const store = createSqliteAuditStore(db);
    for (let i = 0; i < 502; i++) await store.append(link('x'));
    // The 500th row, where the first page ends, sits at 2^53 + 1: a double would read it as 2^53.
    db.prepare('UPDATE audit SET position = 9007199254740993 WHERE seq = 500').run();
    db.prepare('UPDATE audit SET position = 9007199254740995 WHERE seq = 501').run();
    db.prepare('UPDATE audit SET position = 9007199254740997 WHERE seq = 502').run();
    expect(await seqs(store)).toEqual(Array.from({ length: 502 }, (_, i) => i + 1));
    await store.close();
  });
});
