import { describe, expect, it } from 'vitest';
import type { Incident } from '../../core/index.js';
import { incidentStoreConformance } from '../incident-store-conformance.testing.js';
import { createSqliteIncidentStore } from './create-sqlite-incident-store.js';
import { openSqlite } from './open-sqlite.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();

incidentStoreConformance('sqlite', async () => createSqliteIncidentStore(openSqlite(fresh())));

describe('sqlite incident store', () => {
  it('keeps incidents in the file across a close and a reopen', async () => {
    const file = fresh();
    const incident: Incident = {
      id: 'i1',
      title: 't',
      kind: 'client',
      severity: 'high',
      status: 'open',
      site: 'shop',
      clients: ['192.0.2.1'],
      fingerprints: ['fp-1'],
      categories: ['xss'],
      events: ['e1'],
      eventCount: 1,
      decisions: [],
      campaign: null,
      firstSeen: 1,
      lastSeen: 2,
      summary: 's',
    };
    const first = createSqliteIncidentStore(openSqlite(file));
    await first.put(incident);
    await first.close();
    const second = createSqliteIncidentStore(openSqlite(file));
    expect(await second.list({ status: 'open', site: 'shop', since: 2 })).toStrictEqual([incident]);
    await second.close();
  });
});
