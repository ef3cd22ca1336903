import { describe, expect, it } from 'vitest';
import { changeRequest, changeRequestStoreConformance } from '../change-request-store-conformance.testing.js';
import { createSqliteChangeRequestStore } from './create-sqlite-change-request-store.js';
import { openSqlite } from './open-sqlite.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();

changeRequestStoreConformance('sqlite', async () => createSqliteChangeRequestStore(openSqlite(fresh())));

describe('sqlite change request store', () => {
  it('lets only one of two connections to the same file move a request on from pending', async () => {
    const file = fresh();
    const one = createSqliteChangeRequestStore(openSqlite(file));
    const two = createSqliteChangeRequestStore(openSqlite(file));
    const pending = changeRequest('c1', 1);
    await one.create(pending);
    expect(await one.update({ ...pending, status: 'applied', decided: 2 }, 'pending')).toBe(true);
    expect(await two.update({ ...pending, status: 'rejected', decided: 3 }, 'pending')).toBe(false);
    expect((await two.get('c1'))?.status).toBe('applied');
    await one.close();
    await two.close();
    const reopened = createSqliteChangeRequestStore(openSqlite(file));
    expect(await reopened.list()).toStrictEqual([{ ...pending, status: 'applied', decided: 2 }]);
    await reopened.close();
  });
});
