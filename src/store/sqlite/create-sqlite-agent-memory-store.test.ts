import { describe, expect, it } from 'vitest';
import { agentMemoryStoreConformance } from '../agent-memory-store-conformance.testing.js';
import { createSqliteAgentMemoryStore } from './create-sqlite-agent-memory-store.js';
import { openSqlite } from './open-sqlite.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();

agentMemoryStoreConformance('sqlite', async () => createSqliteAgentMemoryStore(openSqlite(fresh())));

describe('sqlite agent memory store', () => {
  it('keeps values in the file across a close and a reopen', async () => {
    const file = fresh();
    const first = createSqliteAgentMemoryStore(openSqlite(file));
    await first.put('analyst', 'baseline:shop', { rate: [1, 2, 3] }, 5000);
    await first.close();
    const second = createSqliteAgentMemoryStore(openSqlite(file));
    expect(await second.list('analyst', 4999)).toStrictEqual([
      { key: 'baseline:shop', value: { rate: [1, 2, 3] }, expires: 5000 },
    ]);
    await second.close();
  });
});
