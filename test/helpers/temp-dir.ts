import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the system temp folder, and a function that removes it. */
export function makeTempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'infinisec-e2e-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
