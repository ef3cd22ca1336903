import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../src/app/open-stores.js';
import { loadSecretKey } from '../src/app/secret-key.js';
import type { CliIo } from '../src/cli/command.js';
import { backupCommand } from '../src/cli/commands/backup.js';
import { reportError } from '../src/cli/report-error.js';
import { loadConfig } from '../src/config/index.js';
import type { Decision, User } from '../src/core/index.js';
import { createAuditLog, createSecretBox } from '../src/guardian/index.js';
import {
  postgresReachable,
  TEST_POSTGRES_URL,
  testSchemas,
} from '../src/store/postgres/postgres-test-database.testing.js';
import { securityEvent } from '../src/store/security-event-fixture.testing.js';
import { makeTempDir } from './helpers/temp-dir.js';

const T = Date.UTC(2024, 4, 1);
const PASSPHRASE = 'correct horse battery staple';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `infinisec backup ARGS` in process, failures reported as the CLI reports them. */
async function backup(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    env,
  };
  let code: number;
  try {
    code = await backupCommand.run(args, io);
  } catch (error) {
    code = reportError(error, io);
  }
  return { code, out, err };
}

function decision(id: string, value: string, expires: number | null): Decision {
  return {
    id,
    scope: 'ip',
    value,
    action: 'block',
    reason: 'detector/sqli',
    source: 'manual',
    created: T,
    expires,
    createdBy: 'user:alice',
  };
}

function user(id: string, username: string): User {
  return {
    id,
    username,
    role: 'admin',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
    mfaEnabled: true,
    recoveryCodes: ['a1', 'b2'],
    failedLogins: 1,
    lockedUntil: 0,
    created: T,
    lastLogin: null,
    disabled: false,
  };
}

/** Events, decisions, users, a sealed secret and audit entries, as the gateway and the CLI write them. */
async function seed(stores: Stores, dataDir: string): Promise<void> {
  await stores.events.append([
    securityEvent({ id: 'e1', time: T, analyzers: ['sqli'], action: 'block', path: '/search' }),
    securityEvent({ id: 'e2', time: T + 1000, ip: '2001:db8::7' }),
    securityEvent({ id: 'e3', time: T + 2000, analyzers: ['xss', 'sqli'], totalMs: 0.125 }),
  ]);
  await stores.decisions.add(decision('d1', '203.0.113.9', null));
  await stores.decisions.add(decision('d2', '198.51.100.4', T + 86_400_000 * 3650));
  await stores.users.create(user('u-alice', 'alice'));
  await stores.users.create(user('u-bob', 'bob'));
  await stores.secrets.put({
    name: 'totp:u-alice',
    sealed: createSecretBox(loadSecretKey(dataDir, {})).seal('totp:u-alice', 'JBSWY3DPEHPK3PXP'),
    updated: T,
  });
  const audit = createAuditLog(stores.audit);
  for (const target of ['alice', 'bob', 'd1'])
    await audit.append({
      actor: 'user:alice',
      action: target === 'd1' ? 'decision.create' : 'user.create',
      target,
      outcome: 'success',
      ip: '192.0.2.1',
      details: { note: 'a "quoted" value, and ünïcode' },
    });
}

/** What a restore must give back. */
async function contents(stores: Stores) {
  return {
    events: (await stores.events.query({ limit: 100 })).events,
    decisions: await stores.decisions.list(T),
    users: await stores.users.list(),
    secrets: await stores.secrets.list(),
    audit: await stores.audit.list({ limit: 1000 }),
  };
}

async function withStores<T>(configFile: string, work: (stores: Stores) => Promise<T>): Promise<T> {
  const stores = await openStores(await loadConfig({ file: configFile, env: {} }));
  try {
    return await work(stores);
  } finally {
    await stores.close();
  }
}

// The backup's content (after gzip): the magic line, the manifest line, then the parts in order.
function flipInFirstPart(file: string, out: string): void {
  const content = gunzipSync(readFileSync(file));
  const firstNewline = content.indexOf(10);
  const partsStart = content.indexOf(10, firstNewline + 1) + 1;
  content[partsStart + 100]! ^= 0x01;
  writeFileSync(out, gzipSync(content));
}

function flipByte(file: string, out: string): void {
  const bytes = readFileSync(file);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  writeFileSync(out, bytes);
}

describe('infinisec backup (SQLite)', () => {
  const dir = makeTempDir();
  const dataDir = join(dir.path, 'data');
  const configFile = join(dir.path, 'infinisec.yaml');
  const file = join(dir.path, 'out', 'nightly.backup');
  let before: Awaited<ReturnType<typeof contents>>;
  afterAll(() => dir.remove());

  beforeAll(async () => {
    writeFileSync(configFile, JSON.stringify({ store: { driver: 'sqlite', dataDir } }));
    before = await withStores(configFile, async (stores) => {
      await seed(stores, dataDir);
      return contents(stores);
    });
  });

  it('writes one file, mode 0600, and records backup.create with its size', async () => {
    const run = await backup(['create', '--out', file, '-c', configFile]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`backup written: ${file}\n`);
    expect(run.out).toMatch(/^ {2}users +2$/m);
    expect(run.out).toMatch(/^ {2}events +3$/m);
    expect(run.out).toContain('audit chain: 3 entries, head 3 ');
    expect(run.out).toContain('the backup holds the secret key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir.path, 'out'))).toEqual(['nightly.backup']);
    const last = await withStores(
      configFile,
      async (stores) => (await stores.audit.list({ limit: 100 })).at(-1)!,
    );
    expect(last).toMatchObject({
      actor: 'cli',
      action: 'backup.create',
      target: file,
      outcome: 'success',
      details: { bytes: statSync(file).size, driver: 'sqlite', tables: { users: 2, events: 3, audit: 3 } },
    });
  });

  it('verifies the file without restoring it', async () => {
    const run = await backup(['verify', file]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`backup intact: ${file}`);
    expect(run.out).toContain('keys/secret.key');
    expect(run.out).toContain('config');
  });

  it('restores into an empty data dir: every record back, the chain intact, the secret opening', async () => {
    const target = join(dir.path, 'restored');
    const run = await backup(['restore', file, '--data-dir', target]);
    expect(run.err).toBe('');
    expect(run.out).toMatch(/ok {4}tables: 1\d tables, \d+ rows, as in the backup/);
    expect(run.out).toContain('ok    audit: chain intact: 3 entries');
    expect(run.out).toContain('ok    secrets: 1 secret open');
    expect(run.out).toContain('restore verified');
    expect(run.code).toBe(0);
    expect(readdirSync(target).sort()).toEqual(['infinisec.db', 'restored-infinisec.yaml', 'secret.key']);
    expect(readFileSync(join(target, 'secret.key'))).toEqual(readFileSync(join(dataDir, 'secret.key')));
    expect(readFileSync(join(target, 'restored-infinisec.yaml'), 'utf8')).toBe(
      readFileSync(configFile, 'utf8'),
    );
    for (const name of readdirSync(target)) expect(statSync(join(target, name)).mode & 0o777).toBe(0o600);

    const restoredConfig = join(dir.path, 'restored.yaml');
    writeFileSync(restoredConfig, JSON.stringify({ store: { driver: 'sqlite', dataDir: target } }));
    const after = await withStores(restoredConfig, async (stores) => {
      expect(await createAuditLog(stores.audit).verify()).toMatchObject({ ok: true, entries: 4 });
      return contents(stores);
    });
    expect(after.events).toEqual(before.events);
    expect(after.decisions).toEqual(before.decisions);
    expect(after.users).toEqual(before.users);
    expect(after.secrets).toEqual(before.secrets);
    expect(after.audit.slice(0, 3)).toEqual(before.audit);
    expect(after.audit[3]).toMatchObject({ action: 'backup.restore', target: file, outcome: 'success' });
  });

  it('refuses a file with one byte flipped, writing nothing', async () => {
    const tampered = join(dir.path, 'flipped.backup');
    flipByte(file, tampered);
    const target = join(dir.path, 'not-restored-1');
    const run = await backup(['restore', tampered, '--data-dir', target]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/damaged|altered/);
    expect(existsSync(target)).toBe(false);
    expect((await backup(['verify', tampered])).code).toBe(1);
  });

  it('refuses a part that no longer matches its SHA-256, even with a valid gzip checksum', async () => {
    const tampered = join(dir.path, 'rewritten.backup');
    flipInFirstPart(file, tampered);
    const target = join(dir.path, 'not-restored-2');
    mkdirSync(target);
    const run = await backup(['restore', tampered, '--data-dir', target]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('part database.sqlite does not match its SHA-256');
    expect(readdirSync(target)).toEqual([]);
  });

  it('refuses a data dir that is not empty', async () => {
    const run = await backup(['restore', file, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/is not empty \(.*infinisec\.db.*\): restore into an empty or new data dir/);
  });

  it('encrypts with a passphrase, refuses a wrong one or none, and restores with the right one', async () => {
    const sealed = join(dir.path, 'sealed.backup');
    const env = { BACKUP_PASSPHRASE: PASSPHRASE };
    expect(
      (
        await backup(
          ['create', '--out', sealed, '--passphrase-env', 'BACKUP_PASSPHRASE', '-c', configFile],
          env,
        )
      ).code,
    ).toBe(0);
    expect(readFileSync(sealed).subarray(0, 7).toString('latin1')).toBe('ISECBAK');
    expect(readFileSync(sealed).includes(Buffer.from('INFINISEC-BACKUP'))).toBe(false);

    const target = join(dir.path, 'sealed-restored');
    const wrong = await backup(['restore', sealed, '--data-dir', target, '--passphrase-env', 'P'], {
      P: 'not the passphrase at all',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('the passphrase does not open this backup');
    const none = await backup(['verify', sealed]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('is encrypted: give its passphrase');
    expect(existsSync(target)).toBe(false);

    const right = await backup(
      ['restore', sealed, '--data-dir', target, '--passphrase-env', 'BACKUP_PASSPHRASE'],
      env,
    );
    expect(right.code).toBe(0);
    expect(right.out).toContain('restore verified');
  });

  it('writes under the data dir by default, and refuses the memory store', async () => {
    const run = await backup(['create', '-c', configFile]);
    expect(run.code).toBe(0);
    const made = readdirSync(join(dataDir, 'backups'));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^infinisec-\d{8}T\d{6}Z\.backup$/);
    expect(run.out).toContain(join(dataDir, 'backups', made[0]!));

    const memory = join(dir.path, 'memory.yaml');
    writeFileSync(memory, JSON.stringify({ store: { driver: 'memory' } }));
    const refused = await backup(['create', '-c', memory]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('store.driver is memory');
  });
});

async function schemaTables(schema: string): Promise<string[]> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    return result.rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgresReachable)('infinisec backup (PostgreSQL)', () => {
  const schemas = testSchemas();
  const dir = makeTempDir();
  const source = schemas.name();
  const dataDir = join(dir.path, 'data');
  const configFile = join(dir.path, 'infinisec.yaml');
  const file = join(dir.path, 'pg.backup');
  afterAll(() => dir.remove());

  const configFor = (path: string, schema: string, data: string) =>
    writeFileSync(
      path,
      JSON.stringify({
        store: { driver: 'postgres', dataDir: data, postgres: { url: TEST_POSTGRES_URL, schema } },
      }),
    );

  it('exports every table, restores into a new schema and verifies it', async () => {
    configFor(configFile, source, dataDir);
    const before = await withStores(configFile, async (stores) => {
      await seed(stores, dataDir);
      return contents(stores);
    });
    const created = await backup(['create', '--out', file, '-c', configFile]);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^ {2}decisions +2$/m);
    expect(created.out).toContain('also holds: config, keys/secret.key\n');

    const target = schemas.name();
    const targetDir = join(dir.path, 'restored');
    const run = await backup([
      'restore',
      file,
      '--data-dir',
      targetDir,
      '--postgres-url',
      TEST_POSTGRES_URL,
      '--schema',
      target,
      '-c',
      configFile,
    ]);
    expect(run.err).toBe('');
    expect(run.out).toContain('ok    audit: chain intact: 3 entries');
    expect(run.out).toContain('ok    secrets: 1 secret open');
    expect(run.code).toBe(0);

    const restoredConfig = join(dir.path, 'restored.yaml');
    configFor(restoredConfig, target, targetDir);
    await withStores(restoredConfig, async (stores) => {
      const after = await contents(stores);
      expect(after.events).toEqual(before.events);
      expect(after.decisions).toEqual(before.decisions);
      expect(after.users).toEqual(before.users);
      expect(after.secrets).toEqual(before.secrets);
      expect(after.audit.slice(0, 3)).toEqual(before.audit);
      expect(after.audit[3]).toMatchObject({ action: 'backup.restore', outcome: 'success' });
      // The sequences moved past the restored rows: new rows take new numbers.
      await stores.events.append([securityEvent({ id: 'e4', time: T + 3000 })]);
      await stores.decisions.add(decision('d3', '192.0.2.99', null));
      await createAuditLog(stores.audit).append({
        actor: 'cli',
        action: 'user.update',
        target: 'bob',
        outcome: 'success',
        ip: '',
        details: {},
      });
      expect(await stores.events.count()).toBe(4);
      expect((await stores.decisions.list(T)).map((d) => d.id)).toEqual(['d1', 'd2', 'd3']);
      expect(await createAuditLog(stores.audit).verify()).toMatchObject({ ok: true, entries: 5 });
    });
  });

  it('refuses a schema with tables, and a tampered file before creating the schema', async () => {
    const busy = await backup([
      'restore',
      file,
      '--data-dir',
      join(dir.path, 'busy'),
      '--schema',
      source,
      '-c',
      configFile,
    ]);
    expect(busy.code).toBe(1);
    expect(busy.err).toContain(`schema "${source}" already has tables`);
    expect(existsSync(join(dir.path, 'busy'))).toBe(false);

    const tampered = join(dir.path, 'pg-flipped.backup');
    flipInFirstPart(file, tampered);
    const target = schemas.name();
    const run = await backup([
      'restore',
      tampered,
      '--data-dir',
      join(dir.path, 'never'),
      '--schema',
      target,
      '-c',
      configFile,
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('does not match its SHA-256');
    expect(await schemaTables(target)).toEqual([]);
    expect(existsSync(join(dir.path, 'never'))).toBe(false);
  });
});
