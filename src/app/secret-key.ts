import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { InfinisecError } from '../core/index.js';

/** The key file under the data dir: the key, base64, mode 0600. */
export const SECRET_KEY_FILE = 'secret.key';
/** A rotation's new key, written before the secrets are re-sealed and renamed over `secret.key` after. */
export const NEXT_SECRET_KEY_FILE = 'secret.key.next';
/** The environment variable that, when set, holds the key instead of the file. */
export const SECRET_KEY_ENV = 'INFINISEC_SECRET_KEY';

const KEY_BYTES = 32;
// 32 bytes are 43 base64 characters and one '=' of padding, in either alphabet.
const KEY_TEXT = /^(?:[A-Za-z0-9+/]{43}|[A-Za-z0-9_-]{43})=?$/;

/** The key that seals secrets at rest, and where it came from. */
export interface SecretKeys {
  readonly current: Buffer;
  /** Left by a rotation that stopped before its last step: try it when `current` cannot open a secret. */
  readonly next?: Buffer;
  readonly source: 'env' | 'file';
}

type Env = Readonly<Record<string, string | undefined>>;

const badKey = (detail: string) => new InfinisecError('INFINISEC_ERR_SECRET_KEY', 'secrets', detail);
const stateError = (path: string, err: unknown) =>
  new InfinisecError('INFINISEC_ERR_STATE', 'secrets', `${path}: ${(err as Error).message}`, { cause: err });
const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

// Never puts the text in an error: it is (or is meant to be) the key.
function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = KEY_TEXT.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
  if (key?.length !== KEY_BYTES)
    throw badKey(
      `${where} is not ${KEY_BYTES} bytes in base64 or base64url (make one with: openssl rand -base64 32)`,
    );
  return key;
}

function readKeyFile(path: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw stateError(path, err);
  }
  return decodeKey(text, path);
}

// Written under a temporary name, flushed, then put in place whole: a crash never leaves half a key.
function writeTemp(dataDir: string, key: Buffer): string {
  const temp = join(dataDir, `.secret.key.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, `${key.toString('base64')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    rmSync(temp, { force: true });
    throw stateError(temp, err);
  }
  return temp;
}

// Makes a rename or link in the data dir survive a crash; where a folder cannot be flushed (Windows), the
// rename is still atomic.
function syncDir(dataDir: string): void {
  try {
    const fd = openSync(dataDir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {}
}

/**
 * Writes a key file atomically (temporary file, then rename), mode 0600, in a data dir made with mode 0700.
 * @example writeSecretKeyFile(dataDir, randomBytes(32), NEXT_SECRET_KEY_FILE);
 */
export function writeSecretKeyFile(dataDir: string, key: Buffer, file: string = SECRET_KEY_FILE): void {
  if (key.length !== KEY_BYTES) throw badKey(`a key is ${KEY_BYTES} bytes`);
  const temp = writeTemp(dataDir, key);
  const path = join(dataDir, file);
  try {
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw stateError(path, err);
  }
  syncDir(dataDir);
}

// Linked into place, which fails when the file exists: of two processes starting at once, one key wins.
function createKeyFile(dataDir: string): Buffer {
  const key = randomBytes(KEY_BYTES);
  const path = join(dataDir, SECRET_KEY_FILE);
  const temp = writeTemp(dataDir, key);
  try {
    linkSync(temp, path);
    syncDir(dataDir);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw stateError(path, err);
    return readKeyFile(path) ?? createKeyFile(dataDir);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Makes `secret.key.next` the key: the last step of a rotation, once the secrets are sealed with it. */
export function promoteNextSecretKey(dataDir: string): void {
  const path = join(dataDir, SECRET_KEY_FILE);
  try {
    renameSync(join(dataDir, NEXT_SECRET_KEY_FILE), path);
  } catch (err) {
    throw stateError(path, err);
  }
  syncDir(dataDir);
}

/** Drops `secret.key.next`: a rotation that did not re-seal anything. */
export function discardNextSecretKey(dataDir: string): void {
  const path = join(dataDir, NEXT_SECRET_KEY_FILE);
  try {
    rmSync(path, { force: true });
  } catch (err) {
    throw stateError(path, err);
  }
}

/**
 * The secret key: from `INFINISEC_SECRET_KEY` (base64 or base64url of 32 bytes) when set and not empty, else from
 * `<dataDir>/secret.key`, made with a fresh random key when there is none; plus the key of a rotation that
 * did not finish, when `secret.key.next` is there. A `secret.key.next` without a `secret.key` is a rotation
 * stopped between its last two steps: it is finished here.
 * @example const { current, next } = loadSecretKeys(config.store.dataDir, process.env);
 */
export function loadSecretKeys(dataDir: string, env: Env): SecretKeys {
  const fromEnv = env[SECRET_KEY_ENV];
  // Empty counts as unset, as for every INFINISEC_ variable (`FOO=` is how compose files leave a value out).
  if (fromEnv !== undefined && fromEnv !== '')
    return { current: decodeKey(fromEnv, SECRET_KEY_ENV), source: 'env' };
  const next = readKeyFile(join(dataDir, NEXT_SECRET_KEY_FILE));
  const current = readKeyFile(join(dataDir, SECRET_KEY_FILE));
  if (current !== undefined)
    return next === undefined ? { current, source: 'file' } : { current, next, source: 'file' };
  if (next !== undefined) {
    promoteNextSecretKey(dataDir);
    return { current: next, source: 'file' };
  }
  return { current: createKeyFile(dataDir), source: 'file' };
}

/** The current secret key (see loadSecretKeys). */
export function loadSecretKey(dataDir: string, env: Env): Buffer {
  return loadSecretKeys(dataDir, env).current;
}
