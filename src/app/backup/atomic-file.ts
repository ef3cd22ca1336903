import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file being written under a temporary name beside its final one, mode 0600, put in place whole. */
export interface AtomicFile {
  /** The open temporary file. */
  readonly handle: FileHandle;
  /** Flushes the file to disk and renames it over `path`. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file; does nothing after a commit. */
  discard(): Promise<void>;
}

// Makes a rename survive a crash; where a folder cannot be flushed (Windows), the rename is still atomic.
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {}
}

/**
 * Opens a temporary file beside `path` (mode 0600, never an existing one) to be committed or discarded: a
 * crash or an error never leaves half a file at `path`.
 * @example const file = await openAtomicFile(out); await file.handle.write(data); await file.commit();
 */
export async function openAtomicFile(path: string): Promise<AtomicFile> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  let done = false;
  return {
    handle,
    async commit() {
      await handle.sync();
      await handle.close();
      await rename(temp, path);
      done = true;
      await syncDir(dirname(path));
    },
    async discard() {
      if (done) return;
      done = true;
      await handle.close().catch(() => {});
      await rm(temp, { force: true });
    },
  };
}

/** Writes `data` to `path` atomically, mode 0600. */
export async function writeFileAtomic(path: string, data: Buffer | string): Promise<void> {
  const file = await openAtomicFile(path);
  try {
    await file.handle.writeFile(data);
    await file.commit();
  } finally {
    await file.discard();
  }
}
