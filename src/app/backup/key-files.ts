import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InfinisecError } from '../../core/index.js';
import { KEY_FILES, keyPart } from './backup-manifest.js';
import type { PartSource } from './write-backup-file.js';

/** The key files of the data dir that exist (`secret.key`, a rotation's `secret.key.next`, `labyrinth.key`). */
export async function keyFileParts(dataDir: string): Promise<PartSource[]> {
  const parts: PartSource[] = [];
  for (const file of KEY_FILES) {
    const path = join(dataDir, file);
    try {
      parts.push({ name: keyPart(file), data: await readFile(path) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new InfinisecError('INFINISEC_ERR_STATE', 'backup', `${path}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }
  return parts;
}
