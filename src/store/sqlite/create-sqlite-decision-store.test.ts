import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionStoreConformance } from '../decision-store-conformance.testing.js';
import { createSqliteDecisionStore } from './create-sqlite-decision-store.js';
import { openSqlite } from './open-sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'infinisec-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

decisionStoreConformance('sqlite', async () =>
  createSqliteDecisionStore(openSqlite(join(dir, `db-${n++}.db`))),
);

describe('sqlite decision store', () => {
  it('keeps decisions in the file across a close and a reopen, in WAL mode', async () => {
    const file = join(dir, 'reopen.db');
    const first = createSqliteDecisionStore(openSqlite(file));
    await first.add({
      id: 'kept',
      scope: 'ip',
      value: '198.51.100.4',
      action: 'block',
      reason: 'r',
      source: 'manual',
      created: 1,
      expires: null,
      createdBy: 'cli',
    });
    await first.close();
    const db = openSqlite(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const second = createSqliteDecisionStore(db);
    expect((await second.list(0)).map((d) => d.id)).toEqual(['kept']);
    await second.close();
  });

  it('names the file it cannot open', () => {
    // A regular file where the data dir should be: the database cannot be made under it.
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    expect(() => openSqlite(join(blocker, 'infinisec.db'))).toThrow(/store\.sqlite: .*not-a-dir/);
  });
});
