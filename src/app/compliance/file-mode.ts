import { statSync } from 'node:fs';
import { InfinisecError } from '../../core/index.js';
import type { FileFacts } from '../../guardian/compliance/index.js';

/** A file's path and permission bits; `mode` undefined when there is no such file. */
export function fileFacts(path: string): FileFacts {
  try {
    return { path, mode: statSync(path).mode & 0o7777 };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { path, mode: undefined };
    throw new InfinisecError('INFINISEC_ERR_STATE', 'report', `${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
