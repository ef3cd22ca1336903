import { describe, expect, it } from 'vitest';
import { configVersionStoreConformance } from '../config-version-store-conformance.testing.js';
import { createSqliteConfigVersionStore } from './create-sqlite-config-version-store.js';
import { openSqlite } from './open-sqlite.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();

configVersionStoreConformance('sqlite', async () => createSqliteConfigVersionStore(openSqlite(fresh())));

describe('sqlite config version store', () => {
  const applied = { time: 1, author: 'file', source: 'a: 1\n', digest: 'd', comment: 'c', sealed: null };

  it('numbers versions across two connections to the same file', async () => {
    const file = fresh();
    const one = createSqliteConfigVersionStore(openSqlite(file));
    const two = createSqliteConfigVersionStore(openSqlite(file));
    const versions = [await one.append(applied), await two.append(applied), await one.append(applied)];
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect((await two.latest())?.version).toBe(3);
    await one.close();
    await two.close();
  });

  it('keeps the history in the file across a close and a reopen', async () => {
    const file = fresh();
    const first = createSqliteConfigVersionStore(openSqlite(file));
    await first.append(applied);
    await first.close();
    const second = createSqliteConfigVersionStore(openSqlite(file));
    expect(await second.get(1)).toStrictEqual({ version: 1, ...applied });
    expect((await second.append(applied)).version).toBe(2);
    await second.close();
  });

  it('reads versions recorded before sealed texts were kept as having none', async () => {
    const file = fresh();
    const db = openSqlite(file);
    // Back to the schema before the column (the fifth migration), with a version recorded then.
    db.exec('ALTER TABLE config_versions DROP COLUMN sealed');
    db.pragma('user_version = 4');
    db.prepare(
      "INSERT INTO config_versions (version, time, author, source, digest, comment) VALUES (1, 1, 'file', 'a: 1\n', 'd', 'c')",
    ).run();
    db.close();
    const store = createSqliteConfigVersionStore(openSqlite(file));
    expect(await store.get(1)).toStrictEqual({ version: 1, ...applied });
    expect(await store.append({ ...applied, sealed: 'x' })).toStrictEqual({
      version: 2,
      ...applied,
      sealed: 'x',
    });
    await store.close();
  });
});
