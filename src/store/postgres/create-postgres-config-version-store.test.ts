import { describe, expect, it } from 'vitest';
import { configVersionStoreConformance } from '../config-version-store-conformance.testing.js';
import { createPostgresConfigVersionStore } from './create-postgres-config-version-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

describe.skipIf(!postgresReachable)('postgres config version store', () => {
  configVersionStoreConformance('postgres', async () =>
    createPostgresConfigVersionStore(await schemas.open()),
  );

  it('numbers versions consecutively when two pools append at once', async () => {
    const schema = schemas.name();
    const one = createPostgresConfigVersionStore(await schemas.open(schema));
    const two = createPostgresConfigVersionStore(await schemas.open(schema));
    const applied = (i: number) => ({
      time: i,
      author: 'file',
      source: `a: ${i}\n`,
      digest: `d${i}`,
      comment: '',
      sealed: i % 2 === 0 ? `sealed-${i}` : null,
    });
    const versions = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? one : two).append(applied(i))),
    );
    expect(versions.map((v) => v.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    // Each version keeps what its caller appended.
    for (const v of versions) expect(await two.get(v.version)).toStrictEqual(v);
    await one.close();
    await two.close();
  });
});
