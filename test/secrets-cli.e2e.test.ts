import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  loadSecretKey,
  NEXT_SECRET_KEY_FILE,
  SECRET_KEY_FILE,
  writeSecretKeyFile,
} from '../src/app/secret-key.js';
import { isInfinisecError } from '../src/core/index.js';
import { createSecretBox, rotateSecrets } from '../src/guardian/index.js';
import { createSqliteAuditStore, createSqliteSecretStore, openSqlite } from '../src/store/index.js';
import { childEnv, ROOT } from './helpers/gateway-process.js';
import { type BinRun, runBin } from './helpers/run-bin.js';
import { makeTempDir } from './helpers/temp-dir.js';

const PLAIN: Record<string, string> = {
  'totp:u1': 'JBSWY3DPEHPK3PXP-totp-seed',
  'jwt:k1': 'signing-key-material-0123456789',
  'webhook:ops': 'hook-secret-abcdef',
};

// runBin keeps INFINISEC_* out of the child; the environment-key case needs one in.
function runWithKey(args: readonly string[], cwd: string, key: string): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'infinisec.js'), ...args], {
      cwd,
      env: childEnv({ INFINISEC_SECRET_KEY: key }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      stdout += t;
    });
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('infinisec secrets rotate-key', () => {
  const dir = makeTempDir();
  let n = 0;
  afterAll(() => dir.remove());

  /** A data dir with three secrets sealed under `key` (the key file's, made now, when none is given). */
  async function seeded(key?: Buffer) {
    const dataDir = join(dir.path, `data-${n}`);
    const config = join(dir.path, `infinisec-${n++}.yaml`);
    writeFileSync(config, JSON.stringify({ store: { driver: 'sqlite', dataDir } }));
    mkdirSync(dataDir, { mode: 0o700 });
    const sealKey = key ?? loadSecretKey(dataDir, {});
    const store = createSqliteSecretStore(openSqlite(join(dataDir, 'infinisec.db')));
    const box = createSecretBox(sealKey);
    for (const [name, value] of Object.entries(PLAIN))
      await store.put({ name, sealed: box.seal(name, value), updated: 1 });
    await store.close();
    return { dataDir, config, key: sealKey };
  }

  async function stored(dataDir: string) {
    const store = createSqliteSecretStore(openSqlite(join(dataDir, 'infinisec.db')));
    const secrets = await store.list();
    await store.close();
    return secrets;
  }

  async function opensWith(dataDir: string, key: Buffer): Promise<boolean> {
    const box = createSecretBox(key);
    const secrets = await stored(dataDir);
    expect(secrets).toHaveLength(3);
    try {
      for (const s of secrets) expect(box.open(s.name, s.sealed).toString()).toBe(PLAIN[s.name]);
      return true;
    } catch (err) {
      if (isInfinisecError(err, 'INFINISEC_ERR_SECRET_OPEN')) return false;
      throw err;
    }
  }

  async function auditEntries(dataDir: string) {
    const store = createSqliteAuditStore(openSqlite(join(dataDir, 'infinisec.db')));
    const entries = await store.list();
    await store.close();
    return entries;
  }

  const fileKey = (dataDir: string) =>
    Buffer.from(readFileSync(join(dataDir, SECRET_KEY_FILE), 'utf8').trim(), 'base64');
  const secretsIn = (text: string, keys: Buffer[]) =>
    [
      ...Object.values(PLAIN),
      ...keys.flatMap((k) => [k.toString('base64'), k.toString('base64url'), k.toString('hex')]),
    ].filter((secret) => text.includes(secret));

  it('with the key file: re-seals every secret under a new key file that alone opens them, and audits it', async () => {
    const { dataDir, config, key: old } = await seeded();
    const run = await runBin(['secrets', 'rotate-key', '--config', config], dir.path);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('re-encrypted 3 secret(s) with a new key in secret.key\n');
    const fresh = fileKey(dataDir);
    expect(fresh.equals(old)).toBe(false);
    expect(statSync(join(dataDir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, NEXT_SECRET_KEY_FILE))).toBe(false);
    expect(readdirSync(dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(await opensWith(dataDir, fresh)).toBe(true);
    expect(await opensWith(dataDir, old)).toBe(false);

    const [entry, ...more] = await auditEntries(dataDir);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor: 'cli',
      action: 'secrets.rotate-key',
      outcome: 'success',
      details: {
        secrets: 3,
        keySource: 'file',
        fromKeyId: expect.any(String),
        toKeyId: createSecretBox(fresh).keyId,
      },
    });
    const verify = await runBin(['audit', 'verify', '--config', config], dir.path);
    expect(verify.stdout).toContain('audit chain intact: 1 entry');
    const exported = await runBin(['audit', 'export', '--config', config], dir.path);
    expect(secretsIn(run.stdout + run.stderr + exported.stdout, [old, fresh])).toEqual([]);
  });

  it('with INFINISEC_SECRET_KEY: prints the new key once, re-seals with it, and writes no key file', async () => {
    const old = randomBytes(32);
    const { dataDir, config } = await seeded(old);
    const run = await runWithKey(
      ['secrets', 'rotate-key', '--config', config],
      dir.path,
      old.toString('base64'),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/new secret key/);
    const fresh = Buffer.from(lines[1]!, 'base64');
    expect(fresh).toHaveLength(32);
    expect(lines[2]).toMatch(/re-encrypted 3 secret\(s\).*replace INFINISEC_SECRET_KEY/);
    expect(run.stdout.split(lines[1]!)).toHaveLength(2); // printed once
    expect(await opensWith(dataDir, fresh)).toBe(true);
    expect(await opensWith(dataDir, old)).toBe(false);
    expect(existsSync(join(dataDir, SECRET_KEY_FILE))).toBe(false);
    const [entry] = await auditEntries(dataDir);
    expect(entry).toMatchObject({
      action: 'secrets.rotate-key',
      outcome: 'success',
      target: 'INFINISEC_SECRET_KEY',
    });
    expect(secretsIn(JSON.stringify(entry), [old, fresh])).toEqual([]);
    expect(secretsIn(run.stdout, [old])).toEqual([]);
  });

  it('changes nothing when a secret does not open with the current key, and audits the failure', async () => {
    const { dataDir, config, key } = await seeded();
    const store = createSqliteSecretStore(openSqlite(join(dataDir, 'infinisec.db')));
    await store.put({
      name: 'zz:stranger',
      sealed: createSecretBox(randomBytes(32)).seal('zz:stranger', 'x'),
      updated: 1,
    });
    await store.close();
    const before = await stored(dataDir);
    const run = await runBin(['secrets', 'rotate-key', '--config', config], dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('INFINISEC_ERR_SECRET_OPEN');
    expect(run.stderr).toContain('zz:stranger');
    expect(await stored(dataDir)).toEqual(before);
    expect(fileKey(dataDir).equals(key)).toBe(true);
    expect(existsSync(join(dataDir, NEXT_SECRET_KEY_FILE))).toBe(false);
    const [entry] = await auditEntries(dataDir);
    expect(entry).toMatchObject({ outcome: 'failure', details: { reason: 'INFINISEC_ERR_SECRET_OPEN' } });
  });

  it('finishes a rotation that stopped after re-sealing, before renaming the key file', async () => {
    const { dataDir, config, key: first } = await seeded();
    const second = randomBytes(32);
    writeSecretKeyFile(dataDir, second, NEXT_SECRET_KEY_FILE);
    const store = createSqliteSecretStore(openSqlite(join(dataDir, 'infinisec.db')));
    await rotateSecrets(store, createSecretBox(first), createSecretBox(second));
    await store.close();
    const run = await runBin(['secrets', 'rotate-key', '--config', config], dir.path);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/finished an earlier rotation/);
    const third = fileKey(dataDir);
    expect([first, second].some((k) => k.equals(third))).toBe(false);
    expect(await opensWith(dataDir, third)).toBe(true);
    expect(existsSync(join(dataDir, NEXT_SECRET_KEY_FILE))).toBe(false);
  });

  it('drops the key of a rotation that stopped before re-sealing anything', async () => {
    const { dataDir, config } = await seeded();
    writeSecretKeyFile(dataDir, randomBytes(32), NEXT_SECRET_KEY_FILE);
    const run = await runBin(['secrets', 'rotate-key', '--config', config], dir.path);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/finished an earlier rotation/);
    expect(await opensWith(dataDir, fileKey(dataDir))).toBe(true);
    expect(existsSync(join(dataDir, NEXT_SECRET_KEY_FILE))).toBe(false);
  });

  it('refuses a malformed INFINISEC_SECRET_KEY without echoing it', async () => {
    const { config } = await seeded();
    const run = await runWithKey(
      ['secrets', 'rotate-key', '--config', config],
      dir.path,
      'not-a-real-key-value',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('INFINISEC_ERR_SECRET_KEY');
    expect(run.stderr).not.toContain('not-a-real-key-value');
  });
});
