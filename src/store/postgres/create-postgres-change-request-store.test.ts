import { describe, expect, it } from 'vitest';
import { changeRequest, changeRequestStoreConformance } from '../change-request-store-conformance.testing.js';
import { createPostgresChangeRequestStore } from './create-postgres-change-request-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

describe.skipIf(!postgresReachable)('postgres change request store', () => {
  changeRequestStoreConformance('postgres', async () =>
    createPostgresChangeRequestStore(await schemas.open()),
  );

  it('lets only one of many pools move a request on from pending', async () => {
    const schema = schemas.name();
    const stores = await Promise.all(
      Array.from({ length: 4 }, async () => createPostgresChangeRequestStore(await schemas.open(schema))),
    );
    const pending = changeRequest('c1', 1);
    await stores[0]!.create(pending);
    const results = await Promise.all(
      stores.map((store, i) => store.update({ ...pending, status: 'applied', decided: 10 + i }, 'pending')),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await stores[3]!.get('c1'))?.decided).toBe(10 + results.indexOf(true));
    for (const store of stores) await store.close();
  });
});
