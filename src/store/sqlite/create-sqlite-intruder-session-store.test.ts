import { describe, expect, it } from 'vitest';
import type { IntruderSession } from '../../core/index.js';
import { intruderSessionStoreConformance } from '../intruder-session-store-conformance.testing.js';
import { createSqliteIntruderSessionStore } from './create-sqlite-intruder-session-store.js';
import { openSqlite } from './open-sqlite.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();

intruderSessionStoreConformance('sqlite', async () => createSqliteIntruderSessionStore(openSqlite(fresh())));

describe('sqlite intruder session store', () => {
  it('keeps sessions in the file across a close and a reopen', async () => {
    const file = fresh();
    const session: IntruderSession = {
      id: '0000beef',
      site: 'shop',
      client: { ip: '2001:db8::1', prefix: '2001:db8::/64', fingerprint: 'f', userAgent: 'sqlmap' },
      strategy: 'files',
      reason: 'trap-link',
      firstSeen: 1,
      lastSeen: 2,
      depth: 3,
      pages: 4,
      bytes: 5,
      heldMs: 6,
      canariesIssued: 7,
      canariesUsed: 8,
    };
    const db = openSqlite(file);
    await createSqliteIntruderSessionStore(db).put(session);
    db.close();
    const reopened = openSqlite(file);
    expect(await createSqliteIntruderSessionStore(reopened).get('0000beef')).toStrictEqual(session);
    reopened.close();
  });
});
