import { describe, expect, it } from 'vitest';
import { apiKeyStoreConformance } from '../api-key-store-conformance.testing.js';
import { createSqliteApiKeyStore } from './create-sqlite-api-key-store.js';
import { openSqlite } from './open-sqlite.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();

apiKeyStoreConformance('sqlite', async () => createSqliteApiKeyStore(openSqlite(fresh())));

describe('sqlite API key store', () => {
  it('keeps keys in the file across a close and a reopen', async () => {
    const file = fresh();
    const key = {
      id: 'k1',
      name: 'ci',
      role: 'operator',
      scopes: ['events:read'],
      secretHash: 'h',
      created: 1,
      createdBy: 'user:alice',
      expires: 50,
      lastUsed: null,
      revoked: false,
    } as const;
    const first = createSqliteApiKeyStore(openSqlite(file));
    await first.create({ ...key, scopes: [...key.scopes] });
    await first.update('k1', { lastUsed: 9 });
    await first.close();
    const second = createSqliteApiKeyStore(openSqlite(file));
    expect(await second.get('k1')).toStrictEqual({ ...key, lastUsed: 9 });
    await second.close();
  });
});
