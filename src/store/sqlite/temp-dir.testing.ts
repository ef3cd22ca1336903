import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for a test database, and a function that removes it. */
export function makeTempDirForStore(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'infinisec-sqlite-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
