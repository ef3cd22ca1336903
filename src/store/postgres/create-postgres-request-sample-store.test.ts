import { describe, expect, it } from 'vitest';
import { sampleMentionsAddress } from '../request-sample-rules.js';
import { requestSample, requestSampleStoreConformance } from '../request-sample-store-conformance.testing.js';
import { createPostgresRequestSampleStore } from './create-postgres-request-sample-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

describe.skipIf(!postgresReachable)('postgres request sample store', () => {
  requestSampleStoreConformance('postgres', async () =>
    createPostgresRequestSampleStore(await schemas.open()),
  );

  it('erases through more samples than one step reads, leaving no row that mentions the address', async () => {
    const db = await schemas.open();
    const store = createPostgresRequestSampleStore(db);
    const ip = '2001:db8::9';
    await store.add(
      Array.from({ length: 2500 }, (_, i) =>
        requestSample(`s${i}`, i, {
          target: i % 3 === 0 ? `/?from=2001:DB8::9` : `/?from=2001:db8::90&n=${i}`,
        }),
      ),
    );
    expect(await store.eraseClient(ip)).toBe(834);
    expect(await store.count()).toBe(1666);
    const { rows } = await db.query<{ record: string }>('SELECT record FROM request_samples');
    expect(rows.filter((row) => sampleMentionsAddress(JSON.parse(row.record), ip))).toEqual([]);
    await store.close();
  });
});
