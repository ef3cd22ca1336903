import { describe, expect, it } from 'vitest';
import { refreshTokenStoreConformance } from '../refresh-token-store-conformance.testing.js';
import { createPostgresRefreshTokenStore } from './create-postgres-refresh-token-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

describe.skipIf(!postgresReachable)('postgres refresh token store', () => {
  refreshTokenStoreConformance('postgres', async () => createPostgresRefreshTokenStore(await schemas.open()));

  it('lets one caller of many, over two pools, use a token', async () => {
    const schema = schemas.name();
    const one = createPostgresRefreshTokenStore(await schemas.open(schema));
    const two = createPostgresRefreshTokenStore(await schemas.open(schema));
    for (let round = 0; round < 10; round++) {
      const hash = `h${round}`;
      await one.put({ hash, family: 'f', userId: 'u', created: 1, expires: 99, used: false, revoked: false });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? one : two).markUsed(hash)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    }
    await one.close();
    await two.close();
  });
});
