import { describe, expect, it } from 'vitest';
import type { User } from '../../core/index.js';
import { userStoreConformance } from '../user-store-conformance.testing.js';
import { createPostgresUserStore } from './create-postgres-user-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

const user = (id: string, username: string): User => ({
  id,
  username,
  role: 'viewer',
  passwordHash: '$argon2id$x',
  mfaEnabled: false,
  recoveryCodes: [],
  failedLogins: 0,
  lockedUntil: 0,
  created: 5,
  lastLogin: null,
  disabled: false,
});

describe.skipIf(!postgresReachable)('postgres user store', () => {
  userStoreConformance('postgres', async () => createPostgresUserStore(await schemas.open()));

  it('gives a username to one of two pools that create it at once', async () => {
    const schema = schemas.name();
    const one = createPostgresUserStore(await schemas.open(schema));
    const two = createPostgresUserStore(await schemas.open(schema));
    const made = await Promise.all([one.create(user('u1', 'alice')), two.create(user('u2', 'alice'))]);
    expect(made.filter(Boolean)).toHaveLength(1);
    expect(await two.count()).toBe(1);
    await one.close();
    await two.close();
  });

  it('keeps both of two concurrent updates of one user', async () => {
    const store = createPostgresUserStore(await schemas.open());
    await store.create(user('u1', 'alice'));
    await Promise.all([store.update('u1', { failedLogins: 3 }), store.update('u1', { role: 'admin' })]);
    expect(await store.get('u1')).toMatchObject({ failedLogins: 3, role: 'admin' });
    await store.close();
  });

  it('lists usernames bytewise, whatever the collation of the database', async () => {
    const store = createPostgresUserStore(await schemas.open());
    for (const [id, name] of [
      ['1', 'bob'],
      ['2', 'Zed'],
      ['3', 'alice'],
      ['4', 'émile'],
    ] as const)
      await store.create(user(id, name));
    expect((await store.list()).map((u) => u.username)).toEqual(['Zed', 'alice', 'bob', 'émile']);
    await store.close();
  });
});
