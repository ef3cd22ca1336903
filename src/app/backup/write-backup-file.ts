import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { openAtomicFile } from './atomic-file.js';
import { encryptingTransform } from './backup-cipher.js';
import { BACKUP_MAGIC, type BackupManifest, type BackupPart } from './backup-manifest.js';

/** A part to write: a file (read twice, to hash then to copy: it must not change meanwhile) or bytes. */
export type PartSource =
  | { readonly name: string; readonly path: string }
  | { readonly name: string; readonly data: Buffer };

async function* chunksOf(source: PartSource): AsyncGenerator<Buffer> {
  if ('data' in source) yield source.data;
  else yield* createReadStream(source.path);
}

async function describe(source: PartSource): Promise<BackupPart> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of chunksOf(source)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { name: source.name, bytes, sha256: hash.digest('hex') };
}

/** What was written: the manifest as stored and the size of the file. */
export interface WrittenBackup {
  readonly manifest: BackupManifest;
  readonly bytes: number;
}

/**
 * Writes a backup file: gzip over the magic line, the manifest (with each part's size and SHA-256) and the
 * parts in order; with a passphrase, encrypted whole with AES-256-GCM under a scrypt-derived key. The file
 * is written under a temporary name, mode 0600, and renamed into place when complete.
 * @example await writeBackupFile(out, manifest, [{ name: DATABASE_PART, path: copy }]);
 */
export async function writeBackupFile(
  out: string,
  manifest: Omit<BackupManifest, 'parts' | 'encrypted'>,
  sources: readonly PartSource[],
  passphrase?: string,
): Promise<WrittenBackup> {
  const parts: BackupPart[] = [];
  for (const source of sources) parts.push(await describe(source));
  const complete: BackupManifest = { ...manifest, encrypted: passphrase !== undefined, parts };
  async function* content(): AsyncGenerator<Buffer> {
    yield Buffer.from(`${BACKUP_MAGIC}\n${JSON.stringify(complete)}\n`);
    for (const source of sources) yield* chunksOf(source);
  }
  const file = await openAtomicFile(out);
  try {
    const write = async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) await file.handle.write(chunk);
    };
    const gzip = createGzip();
    if (passphrase === undefined) await pipeline(Readable.from(content()), gzip, write);
    else await pipeline(Readable.from(content()), gzip, await encryptingTransform(passphrase), write);
    await file.commit();
  } finally {
    await file.discard();
  }
  return { manifest: complete, bytes: (await stat(out)).size };
}
