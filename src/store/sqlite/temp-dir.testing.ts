import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A fresh folder for a test database, and a function that removes it. */
export function makeTempDirForStore(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'infinisec-sqlite-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Paths of new database files in a folder that is removed after the test file: one per call.
 * @example const fresh = tempDatabaseFiles(); createSqliteUserStore(openSqlite(fresh()));
 */
export function tempDatabaseFiles(): () => string {
  const dir = makeTempDirForStore();
  afterAll(() => dir.remove());
  let n = 0;
  return () => join(dir.path, `db-${n++}.db`);
}
