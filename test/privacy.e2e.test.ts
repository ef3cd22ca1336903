import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client, escapeIdentifier } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../src/app/index.js';
import { storedDecisions } from '../src/app/privacy/index.js';
import type { CliIo } from '../src/cli/command.js';
import { privacyCommand } from '../src/cli/commands/privacy.js';
import { type Config, validateConfig } from '../src/config/index.js';
import type {
  ApiKey,
  Decision,
  Incident,
  IntruderSession,
  RequestSample,
  SecurityEvent,
  User,
} from '../src/core/index.js';
import { type AuditLog, createAuditLog } from '../src/guardian/index.js';
import {
  type AddressExport,
  addressFingerprint,
  createPrivacyService,
  type DecisionAccess,
  PrivacyError,
  type UserExport,
} from '../src/guardian/privacy/index.js';
import {
  postgresReachable,
  TEST_POSTGRES_URL,
  testSchemas,
} from '../src/store/postgres/postgres-test-database.testing.js';
import { securityEvent } from '../src/store/security-event-fixture.testing.js';
import { makeTempDir } from './helpers/temp-dir.js';

const SUBJECT = '203.0.113.7';
const OTHER = '198.51.100.20';
const ADMIN = { actor: 'user:alice', ip: '192.0.2.50' };
const NOW = Date.now();

function configWith(input: unknown): Config {
  const result = validateConfig(input);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

function event(id: string, ip: string, minutesAgo: number): SecurityEvent {
  return securityEvent({ id, time: NOW - minutesAgo * 60_000, ip, analyzers: ['sqli'] });
}

/** An event from `ip` whose finding's evidence names another address. */
function eventNaming(id: string, ip: string, named: string): SecurityEvent {
  const base = securityEvent({ id, time: NOW - 30_000, ip, analyzers: ['ssrf'] });
  const [finding] = base.verdict.findings;
  return {
    ...base,
    verdict: { ...base.verdict, findings: [{ ...finding!, evidence: `http://${named}/admin` }] },
  };
}

function sample(id: string, ip: string, headers: [string, string][] = []): RequestSample {
  return {
    id,
    time: NOW - 60_000,
    site: 'shop',
    ip,
    method: 'GET',
    target: '/search?q=shoes',
    host: 'shop.example',
    headers: [['user-agent', 'curl/8.5'], ...headers],
    httpVersion: '1.1',
    protocol: 'https',
    body: null,
    action: 'block',
  };
}

function session(id: string, ip: string): IntruderSession {
  return {
    id,
    site: 'shop',
    client: { ip, prefix: ip, fingerprint: 'fp-1', userAgent: 'sqlmap/1.7' },
    strategy: 'sql',
    reason: 'detector/sqli',
    firstSeen: NOW - 120_000,
    lastSeen: NOW - 60_000,
    depth: 3,
    pages: 7,
    bytes: 20_000,
    heldMs: 1500,
    canariesIssued: 2,
    canariesUsed: 0,
  };
}

function incident(id: string, clients: string[]): Incident {
  return {
    id,
    title: `SQL injection from ${clients.join(' and ')} on shop`,
    kind: 'campaign',
    severity: 'high',
    status: 'open',
    site: 'shop',
    clients,
    fingerprints: ['fp-1'],
    categories: ['sqli'],
    events: ['s1', 'o1'],
    eventCount: 2,
    decisions: ['manual-1', `ladder-${clients[0]}`],
    campaign: 'shop:sqli',
    firstSeen: NOW - 300_000,
    lastSeen: NOW - 60_000,
    summary: '',
  };
}

function decision(id: string, scope: 'ip' | 'cidr', value: string): Decision {
  return {
    id,
    scope,
    value,
    action: 'block',
    reason: 'manual',
    source: 'manual',
    created: NOW - 60_000,
    expires: null,
    createdBy: 'user:alice',
  };
}

function user(id: string, username: string, role: User['role']): User {
  return {
    id,
    username,
    role,
    passwordHash: `$argon2id$v=19$m=65536,t=3,p=4$${id}-salt$${id}-hash`,
    mfaEnabled: true,
    recoveryCodes: [`${id}-recovery-digest`],
    failedLogins: 0,
    lockedUntil: 0,
    created: NOW - 86_400_000,
    lastLogin: NOW - 3_600_000,
    disabled: false,
  };
}

function apiKey(id: string, createdBy: string): ApiKey {
  return {
    id,
    name: `${id} automation`,
    role: 'analyst',
    scopes: [],
    secretHash: `${id}-secret-digest`,
    created: NOW - 3_600_000,
    createdBy,
    expires: null,
    lastUsed: null,
    revoked: false,
  };
}

/** The running gateway's decisions as the callback sees them, kept in step with the store. */
function gatewayDecisions(stores: Stores, initial: readonly Decision[]) {
  const table = new Map(initial.map((d) => [d.id, d]));
  const access: DecisionAccess = {
    list: () => [...table.values()],
    async remove(id) {
      const had = table.delete(id);
      await stores.decisions.remove(id);
      return had;
    },
  };
  return { table, access };
}

async function seed(stores: Stores, audit: AuditLog): Promise<readonly Decision[]> {
  await stores.events.append([
    event('s1', SUBJECT, 1),
    event('s2', SUBJECT, 2),
    event('s3', SUBJECT, 3),
    event('o1', OTHER, 1),
    event('o2', OTHER, 2),
    eventNaming('o3', OTHER, SUBJECT),
  ]);
  await stores.samples.add([
    sample('s1', SUBJECT),
    sample('s2', SUBJECT),
    sample('o1', OTHER),
    sample('o3', OTHER, [['x-forwarded-for', `${SUBJECT}, ${OTHER}`]]),
  ]);
  await stores.intruders.put(session('aaaa0001', SUBJECT));
  await stores.intruders.put(session('bbbb0002', OTHER));
  await stores.incidents.put(incident('inc-both', [SUBJECT, OTHER]));
  await stores.incidents.put(incident('inc-alone', [SUBJECT]));
  await stores.agentMemory.put('correlator', `shop\n${SUBJECT}`, { hits: 3, last: SUBJECT });
  await stores.agentMemory.put('correlator', `shop\n${OTHER}`, { hits: 2 });
  const decisions = [
    decision('manual-1', 'ip', SUBJECT),
    decision('manual-range', 'cidr', '203.0.113.0/24'),
    decision('manual-other', 'ip', OTHER),
  ];
  for (const d of decisions) await stores.decisions.add(d);
  await stores.users.create(user('u-alice', 'alice', 'admin'));
  await stores.users.create(user('u-bob', 'bob', 'analyst'));
  await stores.apiKeys.create(apiKey('k-bob', 'user:bob'));
  await stores.apiKeys.create(apiKey('k-alice', 'user:alice'));
  await stores.refreshTokens.put({
    hash: 'bob-token-digest',
    family: 'f-bob',
    userId: 'u-bob',
    created: NOW - 60_000,
    expires: NOW + 86_400_000,
    used: false,
    revoked: false,
  });
  await stores.secrets.put({ name: 'totp:u-bob', sealed: 'v1.sealed-seed', updated: NOW });
  await audit.append({
    actor: 'user:alice',
    action: 'decision.create',
    target: 'manual-1',
    outcome: 'success',
    ip: '192.0.2.50',
    details: { scope: 'ip', value: SUBJECT, action: 'block' },
  });
  await audit.append({
    actor: 'user:bob',
    action: 'auth.login',
    target: 'bob',
    outcome: 'success',
    ip: SUBJECT,
    details: {},
  });
  await audit.append({
    actor: 'user:alice',
    action: 'auth.login',
    target: 'alice',
    outcome: 'success',
    ip: OTHER,
    details: {},
  });
  return decisions;
}

/** Every row of every table, as text, but the audit log's. */
type ReadRows = () => Promise<{ table: string; text: string }[]>;

/**
 * The whole story over one set of stores: seed an address's data among another's, export it, erase it, and
 * look at every row of the database for what is left.
 */
async function eraseAnAddress(stores: Stores, rows: ReadRows, auditTable: string): Promise<void> {
  const audit = createAuditLog(stores.audit);
  const initial = await seed(stores, audit);
  // The scan finds the address where it was put: its finding nothing afterwards means something.
  const holding = new Set((await rows()).filter((row) => row.text.includes(SUBJECT)).map((row) => row.table));
  for (const table of [
    'events',
    'request_samples',
    'intruder_sessions',
    'incidents',
    'decisions',
    'agent_memory',
  ])
    expect(holding).toContain(table);
  const gateway = gatewayDecisions(stores, initial);
  const key = randomBytes(32);
  const privacy = createPrivacyService({
    stores,
    decisions: gateway.access,
    audit,
    key,
    ipv6PrefixLength: 64,
  });
  const fingerprint = addressFingerprint(SUBJECT, key);

  const exported = (await privacy.exportSubject({ ip: `::ffff:${SUBJECT}` }, ADMIN)) as AddressExport;
  expect(exported.subject).toEqual({ ip: SUBJECT });
  expect(Date.parse(exported.generated)).toBeGreaterThan(0);
  expect(exported.events.items.map((e) => e.id).sort()).toEqual(['s1', 's2', 's3']);
  expect(exported.events.complete).toBe(true);
  expect(exported.decisions.items.map((d) => d.id)).toEqual(['manual-1']);
  expect(exported.decisionRanges.items.map((d) => d.id)).toEqual(['manual-range']);
  expect(exported.samples.items.map((s) => s.id).sort()).toEqual(['s1', 's2']);
  expect(exported.intruderSessions.items.map((s) => s.id)).toEqual(['aaaa0001']);
  expect(exported.incidents.items.map((i) => i.id).sort()).toEqual(['inc-alone', 'inc-both']);
  expect(exported.audit.items.map((e) => `${e.action} ${e.target}`)).toEqual([
    'decision.create manual-1',
    'auth.login bob',
  ]);

  expect(await privacy.preview({ ip: SUBJECT })).toMatchObject({
    decisions: 1,
    events: 3,
    samples: 2,
    intruderSessions: 1,
    incidents: 2,
  });

  const report = await privacy.eraseSubject({ ip: SUBJECT }, ADMIN);
  expect(report.target).toBe(fingerprint);
  expect(report.counts).toMatchObject({
    decisions: 1,
    events: 4,
    samples: 3,
    intruderSessions: 1,
    incidents: 2,
  });
  expect(report.counts.agentMemory).toBeGreaterThanOrEqual(1);
  expect(report.notes.join(' ')).toContain('manual-range');

  // The running gateway forgot the decision on the address; the range and the other client's stay.
  expect([...gateway.table.keys()].sort()).toEqual(['manual-other', 'manual-range']);
  expect((await stores.decisions.list(NOW)).map((d) => d.id).sort()).toEqual([
    'manual-other',
    'manual-range',
  ]);

  // Nothing but the audit log holds the address any more.
  const left = (await rows()).filter((row) => row.table !== auditTable && row.text.includes(SUBJECT));
  expect(left).toEqual([]);

  // The other client's data is whole (its event naming the address went with it).
  const others = await stores.events.query({ client: OTHER });
  expect(others.events.map((e) => e.id).sort()).toEqual(['o1', 'o2']);
  expect((await stores.samples.list({ client: OTHER })).map((s) => s.id)).toEqual(['o1']);
  expect((await stores.intruders.list({ client: OTHER })).map((s) => s.id)).toEqual(['bbbb0002']);
  expect(await stores.incidents.get('inc-alone')).toBeUndefined();
  const kept = await stores.incidents.get('inc-both');
  expect(kept?.clients).toEqual([OTHER]);
  expect(kept?.title).toBe(`SQL injection from an erased address and ${OTHER} on shop`);
  expect(await stores.agentMemory.get('correlator', `shop\n${OTHER}`, NOW)).toEqual({ hits: 2 });

  // The chain still verifies; its entries for the export and the erasure name the address only by fingerprint.
  expect((await audit.verify()).ok).toBe(true);
  const entries = await stores.audit.list({ limit: 1000 });
  const privacyEntries = entries.filter((e) => e.action.startsWith('privacy.'));
  expect(privacyEntries.map((e) => `${e.action} ${e.target} ${e.outcome}`)).toEqual([
    `privacy.export ${fingerprint} success`,
    `privacy.erase ${fingerprint} success`,
  ]);
  const erase = privacyEntries[1]!;
  expect(erase).toMatchObject({ actor: 'user:alice', ip: '192.0.2.50' });
  expect(erase.details).toMatchObject({ subject: 'ip', counts: report.counts });
  for (const entry of privacyEntries) expect(JSON.stringify(entry)).not.toContain(SUBJECT);
  // What was there before stays: the audit log is not rewritten.
  expect(entries.filter((e) => e.ip === SUBJECT)).toHaveLength(1);

  // An export now finds nothing.
  const after = (await privacy.exportSubject({ ip: SUBJECT }, ADMIN)) as AddressExport;
  for (const section of [
    after.events,
    after.decisions,
    after.samples,
    after.intruderSessions,
    after.incidents,
  ])
    expect(section.items).toEqual([]);
}

async function eraseAUser(stores: Stores): Promise<void> {
  const audit = createAuditLog(stores.audit);
  const privacy = createPrivacyService({
    stores,
    decisions: storedDecisions(stores.decisions),
    audit,
    key: randomBytes(32),
  });

  const exported = (await privacy.exportSubject({ user: 'Bob' }, ADMIN)) as UserExport;
  expect(exported.subject).toEqual({ user: 'bob', id: 'u-bob' });
  expect(exported.account).toMatchObject({ username: 'bob', role: 'analyst', recoveryCodesLeft: 1 });
  expect(exported.apiKeys.items.map((k) => k.id)).toEqual(['k-bob']);
  expect(exported.audit.items.map((e) => e.action)).toContain('auth.login');
  const text = JSON.stringify(exported);
  for (const secret of ['u-bob-hash', 'u-bob-recovery-digest', 'k-bob-secret-digest', 'sealed-seed'])
    expect(text).not.toContain(secret);

  // The only admin stays: nobody could manage the control plane after.
  const refused = privacy.eraseSubject({ user: 'alice' }, ADMIN);
  await expect(refused).rejects.toThrow(PrivacyError);
  await expect(refused).rejects.toThrow(/last enabled admin/);
  expect(await stores.users.findByUsername('alice')).toBeDefined();
  await expect(privacy.eraseSubject({ user: 'nobody' }, ADMIN)).rejects.toThrow(/no user "nobody"/);

  const report = await privacy.eraseSubject({ user: 'bob' }, ADMIN);
  expect(report).toMatchObject({
    subject: 'user',
    target: 'user:u-bob',
    counts: { refreshTokens: 1, apiKeys: 1, mfaSecrets: 1, account: 1 },
  });
  expect(await stores.users.findByUsername('bob')).toBeUndefined();
  expect((await stores.apiKeys.list()).map((k) => k.id)).toEqual(['k-alice']);
  expect(await stores.secrets.get('totp:u-bob')).toBeUndefined();
  expect((await stores.refreshTokens.get('bob-token-digest'))?.revoked).toBe(true);

  const entries = await stores.audit.list({ action: 'privacy.erase', limit: 1000 });
  expect(entries.map((e) => `${e.target} ${e.outcome}`)).toEqual(
    expect.arrayContaining(['user:u-alice failure', 'user:u-bob success']),
  );
  expect((await audit.verify()).ok).toBe(true);
}

describe('privacy over SQLite', () => {
  const dir = makeTempDir();
  afterAll(() => dir.remove());
  let n = 0;

  async function open(): Promise<{ stores: Stores; file: string; config: string }> {
    const dataDir = join(dir.path, `data-${n}`);
    const config = join(dir.path, `infinisec-${n++}.yaml`);
    mkdirSync(dataDir);
    writeFileSync(config, JSON.stringify({ store: { driver: 'sqlite', dataDir } }));
    const stores = await openStores(configWith({ store: { driver: 'sqlite', dataDir } }));
    return { stores, file: join(dataDir, 'infinisec.db'), config };
  }

  function sqliteRows(file: string): ReadRows {
    return async () => {
      const db = new Database(file, { readonly: true });
      try {
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[];
        expect(tables.length).toBeGreaterThan(5);
        return tables.flatMap(({ name }) =>
          (db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all() as object[]).map((row) => ({
            table: name,
            text: JSON.stringify(row),
          })),
        );
      } finally {
        db.close();
      }
    };
  }

  it('exports an address, then erases it from every table but the audit log', async () => {
    const { stores, file } = await open();
    try {
      await eraseAnAddress(stores, sqliteRows(file), 'audit');
    } finally {
      await stores.close();
    }
  });

  it('exports a user without secrets, then erases the user, never the last admin', async () => {
    const { stores } = await open();
    try {
      await seed(stores, createAuditLog(stores.audit));
      await eraseAUser(stores);
    } finally {
      await stores.close();
    }
  });

  describe('infinisec privacy', () => {
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      const cli: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), env: {} };
      return { cli, out: () => out.join(''), err: () => err.join('') };
    };

    it('says what it would erase, erases with --yes, and shows the erasure by fingerprint', async () => {
      const { stores, file, config } = await open();
      await seed(stores, createAuditLog(stores.audit));
      await stores.close();

      const dry = io();
      expect(await privacyCommand.run(['erase', '--ip', SUBJECT, '-c', config], dry.cli)).toBe(2);
      expect(dry.out()).toContain('events: 3');
      expect(dry.out()).toContain('run again with --yes');
      expect((await sqliteRows(file)()).some((r) => r.table === 'events' && r.text.includes(SUBJECT))).toBe(
        true,
      );

      const out = join(dir.path, 'export.json');
      const exported = io();
      expect(
        await privacyCommand.run(['export', '--ip', SUBJECT, '--out', out, '-c', config], exported.cli),
      ).toBe(0);
      const document = JSON.parse(readFileSync(out, 'utf8')) as AddressExport;
      expect(document.events.items).toHaveLength(3);

      const erased = io();
      expect(await privacyCommand.run(['erase', '--ip', SUBJECT, '--yes', '-c', config], erased.cli)).toBe(0);
      expect(erased.out()).toContain('events: 4');
      const target = /privacy\.erase on (ip:[0-9a-f]{16})/.exec(erased.out())?.[1];
      expect(target).toBeDefined();
      const left = (await sqliteRows(file)()).filter((r) => r.table !== 'audit' && r.text.includes(SUBJECT));
      expect(left).toEqual([]);

      const proof = io();
      expect(await privacyCommand.run(['fingerprint', '--ip', SUBJECT, '-c', config], proof.cli)).toBe(0);
      expect(proof.out()).toContain(`${target}\n`);
      expect(proof.out()).toMatch(/privacy\.erase {2}success {2}by cli/);
      expect(proof.out()).toMatch(/privacy\.export {2}success {2}by cli/);
    });

    it('refuses a bad address, two subjects, and the last admin, with a reason', async () => {
      const { stores, config } = await open();
      await seed(stores, createAuditLog(stores.audit));
      await stores.close();

      const bad = io();
      await expect(privacyCommand.run(['erase', '--ip', '203.0.113', '-c', config], bad.cli)).rejects.toThrow(
        /not an IPv4 or IPv6 address/,
      );
      await expect(
        privacyCommand.run(['export', '--ip', SUBJECT, '--user', 'bob', '-c', config], bad.cli),
      ).rejects.toThrow(/exactly one of --ip ADDRESS and --user NAME/);

      const last = io();
      expect(await privacyCommand.run(['erase', '--user', 'alice', '--yes', '-c', config], last.cli)).toBe(1);
      expect(last.err()).toContain('last enabled admin');

      const bob = io();
      expect(await privacyCommand.run(['erase', '--user', 'bob', '--yes', '-c', config], bob.cli)).toBe(0);
      expect(bob.out()).toContain('account: 1');
    });
  });
});

describe.skipIf(!postgresReachable)('privacy over PostgreSQL', () => {
  const schemas = testSchemas();

  it('exports an address, then erases it from every table but the audit log', async () => {
    const schema = schemas.name();
    const stores = await openStores(
      configWith({ store: { driver: 'postgres', postgres: { url: TEST_POSTGRES_URL, schema } } }),
    );
    const client = new Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    const rows: ReadRows = async () => {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'",
        [schema],
      );
      expect(tables.rows.length).toBeGreaterThan(5);
      const all: { table: string; text: string }[] = [];
      for (const { table_name: table } of tables.rows) {
        const result = await client.query<{ text: string }>(
          `SELECT row_to_json(t)::text AS text FROM ${escapeIdentifier(schema)}.${escapeIdentifier(table)} t`,
        );
        for (const row of result.rows) all.push({ table, text: row.text });
      }
      return all;
    };
    try {
      await eraseAnAddress(stores, rows, 'audit');
      await eraseAUser(stores);
    } finally {
      await client.end();
      await stores.close();
    }
  });
});
