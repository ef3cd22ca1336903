import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { InfinisecError, isInfinisecError } from '../../core/index.js';
import { decryptingTransform, ENCRYPTED_HEADER_BYTES, isEncryptedBackup } from './backup-cipher.js';
import {
  BACKUP_MAGIC,
  type BackupManifest,
  type BackupPart,
  MAX_MANIFEST_BYTES,
  parseManifest,
  unusableBackup,
} from './backup-manifest.js';
import { ByteReader } from './byte-reader.js';

/** What to do with a backup as it is read; without either, the file is only checked. */
export interface ReadBackupOptions {
  /** Needed for an encrypted backup. */
  readonly passphrase?: string | undefined;
  /** Called with the manifest before any part is read; throws to stop. */
  readonly onManifest?: (manifest: BackupManifest) => void | Promise<void>;
  /**
   * Called for each part, in order, with its bytes; must read them to their end or throw. The chunks throw at
   * their end when the part does not match its SHA-256, so nothing taken from it is to be kept before then.
   */
  readonly onPart?: (part: BackupPart, chunks: AsyncIterable<Buffer>) => Promise<void>;
}

async function readHead(file: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const head = Buffer.alloc(ENCRYPTED_HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } catch (err) {
    throw unusableBackup(file, `cannot be read (${(err as Error).message})`, err);
  } finally {
    await handle?.close();
  }
}

const isGzip = (head: Buffer) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

function failure(file: string, err: unknown): InfinisecError {
  if (isInfinisecError(err)) return err;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE')
    return unusableBackup(file, `the compressed data is damaged (${(err as Error).message})`, err);
  return unusableBackup(file, `cannot be read (${(err as Error).message})`, err);
}

// The content as it comes out of gunzip, its failures (a damaged file) named as the backup's.
async function* guarded(file: string, content: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of content) yield chunk;
  } catch (err) {
    throw failure(file, err);
  }
}

// The part's bytes, hashed as they pass; at the end, whether they are the manifest's.
async function* checkedPart(
  file: string,
  reader: ByteReader,
  part: BackupPart,
  onVerified: () => void,
): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let seen = 0;
  for await (const chunk of reader.take(part.bytes)) {
    hash.update(chunk);
    seen += chunk.length;
    yield chunk;
  }
  if (seen < part.bytes) throw unusableBackup(file, `the file is cut short (in part ${part.name})`);
  if (hash.digest('hex') !== part.sha256)
    throw unusableBackup(
      file,
      `part ${part.name} does not match its SHA-256: the file is damaged or altered`,
    );
  onVerified();
}

/**
 * Reads a backup file (encrypted or not) from start to end, checking the manifest, every part's SHA-256, the
 * gzip checksum and, when encrypted, the authentication tag; returns the manifest. Throws INFINISEC_ERR_BACKUP
 * for a damaged, altered or foreign file and INFINISEC_ERR_SECRET_OPEN for a missing or wrong passphrase.
 * @example const manifest = await readBackupFile('infinisec.backup'); // only checks
 */
export async function readBackupFile(file: string, options: ReadBackupOptions = {}): Promise<BackupManifest> {
  const head = await readHead(file);
  const encrypted = isEncryptedBackup(head);
  if (!encrypted && !isGzip(head)) throw unusableBackup(file, 'is not an infinisec backup');
  if (encrypted && head.length < ENCRYPTED_HEADER_BYTES) throw unusableBackup(file, 'the file is cut short');
  if (encrypted && !options.passphrase)
    throw new InfinisecError(
      'INFINISEC_ERR_SECRET_OPEN',
      'backup',
      `${file} is encrypted: give its passphrase (--passphrase-env NAME)`,
    );
  const decrypt = encrypted ? await decryptingTransform(file, head, options.passphrase!) : undefined;
  const source = createReadStream(file, { start: encrypted ? ENCRYPTED_HEADER_BYTES : 0 });
  const gunzip = createGunzip();
  const piped = (decrypt ? pipeline(source, decrypt, gunzip) : pipeline(source, gunzip)).then(
    () => undefined,
    (err: unknown) => err,
  );
  const reader = new ByteReader(guarded(file, gunzip));
  try {
    if ((await reader.line(BACKUP_MAGIC.length + 1)) !== BACKUP_MAGIC)
      throw unusableBackup(file, 'is not an infinisec backup');
    const line = await reader.line(MAX_MANIFEST_BYTES);
    if (line === undefined) throw unusableBackup(file, 'the manifest is missing or cut short');
    const manifest = parseManifest(file, line);
    await options.onManifest?.(manifest);
    for (const part of manifest.parts) {
      let verified = false;
      const chunks = checkedPart(file, reader, part, () => {
        verified = true;
      });
      if (options.onPart) await options.onPart(part, chunks);
      else for await (const _ of chunks);
      if (!verified) throw new Error(`backup: part ${part.name} was not read to its end`);
    }
    if (!(await reader.atEnd())) throw unusableBackup(file, 'there is data after the last part');
    const err = await piped;
    if (err !== undefined) throw failure(file, err);
    return manifest;
  } catch (err) {
    // The callbacks' own errors (a write to the target that failed) go through as they are.
    throw (await settledError(piped)) ?? err;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

// A failure of the stream (wrong tag, bad gzip) explains more than the premature end it causes downstream.
async function settledError(piped: Promise<unknown>): Promise<unknown> {
  const timeout = new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)));
  const err = await Promise.race([piped, timeout]);
  return isInfinisecError(err) ? err : undefined;
}
