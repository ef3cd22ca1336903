import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secretStoreConformance } from '../secret-store-conformance.testing.js';
import { createSqliteSecretStore } from './create-sqlite-secret-store.js';
import { openSqlite } from './open-sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'infinisec-sqlite-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

secretStoreConformance('sqlite', async () => createSqliteSecretStore(openSqlite(join(dir, `db-${n++}.db`))));

describe('sqlite secret store', () => {
  it('keeps secrets in the file across a close and a reopen', async () => {
    const file = join(dir, 'reopen.db');
    const first = createSqliteSecretStore(openSqlite(file));
    await first.put({ name: 'totp:u1', sealed: 'v1.abc.x.y.z', updated: 7 });
    await first.close();
    const second = createSqliteSecretStore(openSqlite(file));
    expect(await second.get('totp:u1')).toEqual({ name: 'totp:u1', sealed: 'v1.abc.x.y.z', updated: 7 });
    await second.close();
  });

  it('sorts and matches names beyond ASCII the way the memory store does', async () => {
    const store = createSqliteSecretStore(openSqlite(join(dir, 'unicode.db')));
    for (const name of ['ü:2', 'ü:1', '😀:x', '\uffef:y']) await store.put({ name, sealed: 's', updated: 1 });
    expect((await store.list()).map((s) => s.name)).toEqual(['ü:1', 'ü:2', '\uffef:y', '😀:x']);
    expect((await store.list('😀')).map((s) => s.name)).toEqual(['😀:x']);
    await store.close();
  });
});
