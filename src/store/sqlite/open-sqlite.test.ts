import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSqlite } from './open-sqlite.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();

describe('openSqlite', () => {
  it('creates the database readable by its owner only, in WAL mode, migrated', () => {
    const file = fresh();
    const db = openSqlite(file);
    db.prepare('INSERT INTO secrets (name, sealed, updated) VALUES (?, ?, ?)').run('a', 'b', 1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    db.close();
  });
});
