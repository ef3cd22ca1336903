import { describe, expect, it } from 'vitest';
import { userStoreConformance } from '../user-store-conformance.testing.js';
import { createSqliteUserStore } from './create-sqlite-user-store.js';
import { openSqlite } from './open-sqlite.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();

userStoreConformance('sqlite', async () => createSqliteUserStore(openSqlite(fresh())));

describe('sqlite user store', () => {
  const alice = {
    id: 'u1',
    username: 'alice',
    role: 'admin',
    passwordHash: '$argon2id$x',
    mfaEnabled: true,
    recoveryCodes: ['aa', 'bb'],
    failedLogins: 1,
    lockedUntil: 0,
    created: 5,
    lastLogin: null,
    disabled: false,
  } as const;

  it('keeps users in the file across a close and a reopen', async () => {
    const file = fresh();
    const first = createSqliteUserStore(openSqlite(file));
    await first.create({ ...alice, recoveryCodes: [...alice.recoveryCodes] });
    await first.close();
    const second = createSqliteUserStore(openSqlite(file));
    expect(await second.findByUsername('alice')).toStrictEqual(alice);
    await second.close();
  });

  it('gives a username to one of two connections that create it', async () => {
    const file = fresh();
    const one = createSqliteUserStore(openSqlite(file));
    const two = createSqliteUserStore(openSqlite(file));
    const made = await Promise.all([
      one.create({ ...alice, recoveryCodes: [] }),
      two.create({ ...alice, id: 'u2', recoveryCodes: [] }),
    ]);
    expect(made.filter(Boolean)).toHaveLength(1);
    expect(await one.count()).toBe(1);
    await one.close();
    await two.close();
  });
});
