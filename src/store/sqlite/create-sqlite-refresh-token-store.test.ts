import { describe, expect, it } from 'vitest';
import { refreshTokenStoreConformance } from '../refresh-token-store-conformance.testing.js';
import { createSqliteRefreshTokenStore } from './create-sqlite-refresh-token-store.js';
import { openSqlite } from './open-sqlite.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();

refreshTokenStoreConformance('sqlite', async () => createSqliteRefreshTokenStore(openSqlite(fresh())));

describe('sqlite refresh token store', () => {
  const token = {
    hash: 'h1',
    family: 'f',
    userId: 'u',
    created: 1,
    expires: 99,
    used: false,
    revoked: false,
  };

  it('lets one of two connections to the same file use a token', async () => {
    const file = fresh();
    const one = createSqliteRefreshTokenStore(openSqlite(file));
    const two = createSqliteRefreshTokenStore(openSqlite(file));
    await one.put(token);
    const results = await Promise.all([one.markUsed('h1'), two.markUsed('h1'), one.markUsed('h1')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await two.get('h1'))?.used).toBe(true);
    await one.close();
    await two.close();
  });

  it('keeps tokens in the file across a close and a reopen', async () => {
    const file = fresh();
    const first = createSqliteRefreshTokenStore(openSqlite(file));
    await first.put(token);
    await first.revokeFamily('f');
    await first.close();
    const second = createSqliteRefreshTokenStore(openSqlite(file));
    expect(await second.get('h1')).toStrictEqual({ ...token, revoked: true });
    await second.close();
  });
});
