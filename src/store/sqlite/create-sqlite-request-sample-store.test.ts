import { describe, expect, it } from 'vitest';
import { sampleMentionsAddress } from '../request-sample-rules.js';
import { requestSample, requestSampleStoreConformance } from '../request-sample-store-conformance.testing.js';
import { createSqliteRequestSampleStore } from './create-sqlite-request-sample-store.js';
import { openSqlite } from './open-sqlite.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();

requestSampleStoreConformance('sqlite', async () => createSqliteRequestSampleStore(openSqlite(fresh())));

describe('sqlite request sample store', () => {
  it('keeps samples in the file across a close and a reopen', async () => {
    const file = fresh();
    const sample = requestSample('s1', 5, { body: Buffer.from('a=1').toString('base64') });
    const first = createSqliteRequestSampleStore(openSqlite(file));
    await first.add([sample]);
    await first.close();
    const second = createSqliteRequestSampleStore(openSqlite(file));
    expect(await second.list({ site: 'shop', client: sample.ip, since: 5 })).toStrictEqual([sample]);
    await second.close();
  });

  it('erases through more samples than one step reads, leaving no row that mentions the address', async () => {
    const db = openSqlite(fresh());
    const store = createSqliteRequestSampleStore(db);
    const ip = '198.51.100.9';
    const body = (text: string) => Buffer.from(text).toString('base64');
    await store.add(
      Array.from({ length: 2500 }, (_, i) =>
        requestSample(`s${i}`, i, { body: body(i % 3 === 0 ? `from ${ip}` : `from 198.51.100.90 #${i}`) }),
      ),
    );
    expect(await store.eraseClient(ip)).toBe(834);
    expect(await store.count()).toBe(1666);
    const records = db.prepare('SELECT record FROM request_samples').pluck().all() as string[];
    expect(records.filter((record) => sampleMentionsAddress(JSON.parse(record), ip))).toEqual([]);
    await store.close();
  });
});
