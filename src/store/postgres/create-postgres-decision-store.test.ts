import { describe, expect, it } from 'vitest';
import { decisionStoreConformance } from '../decision-store-conformance.testing.js';
import { createPostgresDecisionStore } from './create-postgres-decision-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

describe.skipIf(!postgresReachable)('postgres decision store', () => {
  decisionStoreConformance('postgres', async () => createPostgresDecisionStore(await schemas.open()));

  it('shows a decision one pool adds to another pool on the same schema', async () => {
    const schema = schemas.name();
    const one = createPostgresDecisionStore(await schemas.open(schema));
    const two = createPostgresDecisionStore(await schemas.open(schema));
    const decision = {
      id: 'd1',
      scope: 'ip',
      value: '192.0.2.9',
      action: 'block',
      reason: 'r',
      source: 'manual',
      created: 1,
      expires: 9_000_000_000_000,
      createdBy: 'cli',
    } as const;
    await one.add(decision);
    expect(await two.list(0)).toStrictEqual([decision]);
    expect(await two.remove('d1')).toBe(true);
    expect(await one.list(0)).toEqual([]);
  });

  it('lists a replaced decision after the others created in the same millisecond', async () => {
    const store = createPostgresDecisionStore(await schemas.open());
    const at = (id: string) =>
      ({
        id,
        scope: 'ip',
        value: id,
        action: 'block',
        reason: 'r',
        source: 'manual',
        created: 7,
        expires: null,
        createdBy: 'cli',
      }) as const;
    for (const id of ['a', 'b', 'c']) await store.add(at(id));
    await store.add({ ...at('a'), reason: 'again' });
    expect((await store.list(0)).map((d) => d.id)).toEqual(['b', 'c', 'a']);
    await store.close();
  });
});
