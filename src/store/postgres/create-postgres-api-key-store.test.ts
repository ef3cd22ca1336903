import { describe, expect, it } from 'vitest';
import { apiKeyStoreConformance } from '../api-key-store-conformance.testing.js';
import { createPostgresApiKeyStore } from './create-postgres-api-key-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

describe.skipIf(!postgresReachable)('postgres api key store', () => {
  apiKeyStoreConformance('postgres', async () => createPostgresApiKeyStore(await schemas.open()));

  it('keeps both of two concurrent updates from two pools, each setting one field', async () => {
    const schema = schemas.name();
    const one = createPostgresApiKeyStore(await schemas.open(schema));
    const two = createPostgresApiKeyStore(await schemas.open(schema));
    const key = {
      id: 'k1',
      name: 'ci',
      role: 'operator',
      scopes: ['events:read'],
      secretHash: 'h',
      created: 1,
      createdBy: 'user:alice',
      expires: null,
      lastUsed: null,
      revoked: false,
    } as const;
    await one.create({ ...key, scopes: [...key.scopes] });
    await Promise.all([one.update('k1', { lastUsed: 42 }), two.update('k1', { revoked: true })]);
    expect(await one.get('k1')).toStrictEqual({ ...key, lastUsed: 42, revoked: true });
    await one.close();
    await two.close();
  });
});
