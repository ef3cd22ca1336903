import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackgroundCheckpoints } from './background-checkpoints.js';
import { openSqlite } from './open-sqlite.js';
import { makeTempDirForStore } from './temp-dir.testing.js';

const dir = makeTempDirForStore();
afterAll(() => dir.remove());

describe('background checkpoints', () => {
  it('copies the write-ahead log into the file while the writer does not checkpoint below its safety limit', async () => {
    const file = join(dir.path, 'wal.db');
    const db = openSqlite(file);
    const errors: string[] = [];
    const checkpoints = startBackgroundCheckpoints(db, (message) => errors.push(message), 50);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(20000);
    const insert = db.prepare('INSERT INTO secrets (name, sealed, updated) VALUES (?, ?, ?)');
    for (let round = 0; round < 20; round++) {
      db.transaction(() => {
        for (let i = 0; i < 200; i++) insert.run(`s-${round}-${i}`, 'x'.repeat(2000), 1);
      })();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // About 8 MB went through the log; without a checkpoint it would all still be there, not in the file.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
    await checkpoints.stop();
    expect(errors).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM secrets').get() as { n: number }).n).toBe(4000);
    db.close();
  });
});
