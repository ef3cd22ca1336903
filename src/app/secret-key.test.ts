import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInfinisecError } from '../core/index.js';
import {
  discardNextSecretKey,
  loadSecretKey,
  loadSecretKeys,
  NEXT_SECRET_KEY_FILE,
  promoteNextSecretKey,
  SECRET_KEY_FILE,
  writeSecretKeyFile,
} from './secret-key.js';

const root = mkdtempSync(join(tmpdir(), 'infinisec-secret-key-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(root, `data-${n++}`);
const mode = (path: string) => statSync(path).mode & 0o777;

function failure(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('did not throw');
}

describe('secret key', () => {
  it('makes a random key file (0600, in a 0700 data dir) the first time, and reads it after', () => {
    const dir = fresh();
    const key = loadSecretKey(dir, {});
    expect(key).toHaveLength(32);
    const path = join(dir, SECRET_KEY_FILE);
    expect(mode(path)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64').equals(key)).toBe(true);
    expect(loadSecretKey(dir, {}).equals(key)).toBe(true);
    expect(loadSecretKey(fresh(), {}).equals(key)).toBe(false);
    expect(readdirSync(dir)).toEqual([SECRET_KEY_FILE]);
  });

  it('takes INFINISEC_SECRET_KEY in base64 or base64url, padded or not, over the file, and writes no file', () => {
    const key = randomBytes(32);
    const dir = fresh();
    writeSecretKeyFile(dir, randomBytes(32));
    for (const text of [
      key.toString('base64'),
      key.toString('base64').replace(/=$/, ''),
      key.toString('base64url'),
      `${key.toString('base64url')}=`,
      ` ${key.toString('base64')}\n`,
    ]) {
      expect(loadSecretKeys(dir, { INFINISEC_SECRET_KEY: text })).toEqual({ current: key, source: 'env' });
    }
    const other = fresh();
    loadSecretKey(other, { INFINISEC_SECRET_KEY: key.toString('base64') });
    expect(existsSync(other)).toBe(false);
    // Empty is unset, as for every INFINISEC_ variable: the file's key.
    expect(loadSecretKeys(dir, { INFINISEC_SECRET_KEY: '' }).source).toBe('file');
  });

  it('refuses an environment key that is not 32 bytes, without echoing it', () => {
    for (const text of [
      'short',
      randomBytes(31).toString('base64'),
      randomBytes(33).toString('base64'),
      `${randomBytes(32).toString('hex')}`,
      `${randomBytes(32).toString('base64').slice(0, 40)}!!!=`,
    ]) {
      const err = failure(() => loadSecretKey(fresh(), { INFINISEC_SECRET_KEY: text }));
      expect(isInfinisecError(err, 'INFINISEC_ERR_SECRET_KEY'), text).toBe(true);
      expect(err.message).toContain('INFINISEC_SECRET_KEY');
      expect(err.message).not.toContain(text);
    }
  });

  it('refuses a key file that does not hold a key, naming the file and not its contents', () => {
    const dir = fresh();
    writeSecretKeyFile(dir, randomBytes(32));
    writeFileSync(join(dir, SECRET_KEY_FILE), 'not-a-key-at-all\n');
    const err = failure(() => loadSecretKey(dir, {}));
    expect(isInfinisecError(err, 'INFINISEC_ERR_SECRET_KEY')).toBe(true);
    expect(err.message).toContain(join(dir, SECRET_KEY_FILE));
    expect(err.message).not.toContain('not-a-key-at-all');
  });

  it('says the data dir is the problem when it cannot be written', () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'x');
    expect(
      isInfinisecError(
        failure(() => loadSecretKey(join(blocker, 'data'), {})),
        'INFINISEC_ERR_STATE',
      ),
    ).toBe(true);
  });

  it('replaces a key file whole, 0600, leaving no temporary file', () => {
    const dir = fresh();
    const first = loadSecretKey(dir, {});
    const second = randomBytes(32);
    writeSecretKeyFile(dir, second);
    expect(loadSecretKey(dir, {}).equals(second)).toBe(true);
    expect(first.equals(second)).toBe(false);
    expect(mode(join(dir, SECRET_KEY_FILE))).toBe(0o600);
    expect(readdirSync(dir)).toEqual([SECRET_KEY_FILE]);
    expect(
      isInfinisecError(
        failure(() => writeSecretKeyFile(dir, randomBytes(16))),
        'INFINISEC_ERR_SECRET_KEY',
      ),
    ).toBe(true);
  });

  it('offers the key of an unfinished rotation next to the current one, until it is promoted or discarded', () => {
    const dir = fresh();
    const current = loadSecretKey(dir, {});
    const next = randomBytes(32);
    writeSecretKeyFile(dir, next, NEXT_SECRET_KEY_FILE);
    expect(mode(join(dir, NEXT_SECRET_KEY_FILE))).toBe(0o600);
    expect(loadSecretKeys(dir, {})).toEqual({ current, next, source: 'file' });
    promoteNextSecretKey(dir);
    expect(loadSecretKeys(dir, {})).toEqual({ current: next, source: 'file' });
    writeSecretKeyFile(dir, randomBytes(32), NEXT_SECRET_KEY_FILE);
    discardNextSecretKey(dir);
    expect(loadSecretKeys(dir, {})).toEqual({ current: next, source: 'file' });
    expect(readdirSync(dir)).toEqual([SECRET_KEY_FILE]);
  });

  it('takes a lone secret.key.next as the key, and puts it in place', () => {
    const dir = fresh();
    const next = randomBytes(32);
    writeSecretKeyFile(dir, next, NEXT_SECRET_KEY_FILE);
    expect(loadSecretKeys(dir, {})).toEqual({ current: next, source: 'file' });
    expect(readdirSync(dir)).toEqual([SECRET_KEY_FILE]);
  });
});
