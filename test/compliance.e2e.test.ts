import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComplianceReporter, findChromium } from '../src/app/compliance/index.js';
import { openStores, type Stores } from '../src/app/open-stores.js';
import { loadSecretKey } from '../src/app/secret-key.js';
import type { CliIo } from '../src/cli/command.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { type Config, loadConfig } from '../src/config/index.js';
import { can } from '../src/control/auth/index.js';
import { createRouter } from '../src/control/http/router.js';
import type { Principal } from '../src/control/principal.js';
import type { ReportControl } from '../src/control/report-control.js';
import { reportRoutes } from '../src/control/routes/report-routes.js';
import type { Incident, Role, User } from '../src/core/index.js';
import {
  CATALOGS,
  type ComplianceReport,
  FRAMEWORKS,
  renderComplianceHtml,
} from '../src/guardian/compliance/index.js';
import { createAuditLog, createSecretBox } from '../src/guardian/index.js';
import { openSqlite } from '../src/store/index.js';
import { makeTempDir } from './helpers/temp-dir.js';

const DAY = 86_400_000;
const HOSTILE_NAME = '<img src=x>';

function user(id: string, username: string, role: Role, mfaEnabled: boolean): User {
  return {
    id,
    username,
    role,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
    mfaEnabled,
    recoveryCodes: [],
    failedLogins: 0,
    lockedUntil: 0,
    created: Date.now(),
    lastLogin: null,
    disabled: false,
  };
}

const incident: Incident = {
  id: 'inc-1',
  title: 'SQL injection from one client',
  kind: 'client',
  severity: 'critical',
  status: 'open',
  site: 'shop',
  clients: ['203.0.113.9'],
  fingerprints: [],
  categories: ['sqli'],
  events: ['e1'],
  eventCount: 1,
  decisions: [],
  campaign: null,
  firstSeen: Date.now() - 60_000,
  lastSeen: Date.now(),
  summary: '',
};

function captureIo(
  env: Record<string, string | undefined>,
): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    env,
    stdout: () => out,
    stderr: () => err,
  };
}

describe('compliance reports over live evidence', () => {
  const dir = makeTempDir();
  const dataDir = join(dir.path, 'data');
  const configFile = join(dir.path, 'infinisec.yaml');
  let config: Config;
  let stores: Stores;
  let reporter: ReportControl;
  const evidenceOf = (report: ComplianceReport, id: string) => report.evidence.find((e) => e.id === id)!;
  const controlOf = (report: ComplianceReport, id: string) => report.controls.find((c) => c.id === id)!;
  const build = (framework: (typeof FRAMEWORKS)[number]) =>
    reporter.compliance(framework, { actor: 'user:auditor', ip: '192.0.2.10' });

  beforeAll(async () => {
    writeFileSync(configFile, JSON.stringify({ store: { driver: 'sqlite', dataDir } }));
    config = await loadConfig({ file: configFile, env: {} });
    stores = await openStores(config);
    const key = loadSecretKey(dataDir, {});
    await stores.secrets.put({
      name: 'totp:u-alice',
      sealed: createSecretBox(key).seal('totp:u-alice', 'JBSWY3DPEHPK3PXP'),
      updated: Date.now(),
    });
    await stores.users.create(user('u-alice', 'alice', 'admin', true));
    await stores.users.create(user('u-mallory', HOSTILE_NAME, 'operator', false));
    const audit = createAuditLog(stores.audit);
    for (const target of ['alice', HOSTILE_NAME])
      await audit.append({
        actor: 'cli',
        action: 'user.create',
        target,
        outcome: 'success',
        ip: '',
        details: {},
      });
    await audit.append({
      time: Date.now() - DAY,
      actor: 'cli',
      action: 'backup.create',
      target: '/backups/infinisec-1.db',
      outcome: 'success',
      ip: '',
      details: {},
    });
    for (const outcome of ['success', 'failure'] as const)
      await audit.append({
        actor: 'user:alice',
        action: 'privacy.erase',
        target: 'ip:203.0.113.7',
        outcome,
        ip: '',
        details: {},
      });
    await stores.incidents.put(incident);
    reporter = createComplianceReporter({ stores, config: () => config, env: {}, audit, version: '9.9.9' });
  });

  afterAll(async () => {
    await stores?.close();
    dir.remove();
  });

  it('reflects the state of the stores, the files and the configuration', async () => {
    const report = await build('soc2');
    expect(evidenceOf(report, 'audit-chain')).toMatchObject({ status: 'pass' });
    expect(evidenceOf(report, 'audit-chain').finding).toContain('5 audit entries');
    const mfa = evidenceOf(report, 'mfa');
    expect(mfa.status).toBe('warn');
    expect(mfa.details).toContainEqual({ label: 'accounts with MFA', value: '1 of 2' });
    expect(mfa.details).toContainEqual({ label: 'without MFA', value: `${HOSTILE_NAME} (operator)` });
    expect(evidenceOf(report, 'access-roles')).toMatchObject({ status: 'pass' });
    expect(evidenceOf(report, 'access-roles').details).toContainEqual({ label: 'admins', value: 'alice' });
    const atRest = evidenceOf(report, 'encryption-at-rest');
    expect(atRest.status).toBe('warn');
    expect(atRest.finding).toContain('disk encryption is relied on');
    expect(atRest.details).toContainEqual({
      label: 'secret key',
      value: `key file ${join(dataDir, 'secret.key')}, mode 0600`,
    });
    expect(atRest.details).toContainEqual({
      label: `database file ${join(dataDir, 'infinisec.db')}`,
      value: 'mode 0600',
    });
    expect(evidenceOf(report, 'backup')).toMatchObject({ status: 'pass' });
    expect(evidenceOf(report, 'backup').details).toContainEqual({
      label: 'written to',
      value: '/backups/infinisec-1.db',
    });
    expect(evidenceOf(report, 'incidents')).toMatchObject({ status: 'fail' });
    expect(evidenceOf(report, 'incidents').details).toContainEqual({
      label: 'open',
      value: '1 (critical 1, high 0, medium 0, low 0)',
    });
    expect(evidenceOf(report, 'change-approvals')).toMatchObject({ status: 'warn' });
    expect(evidenceOf(report, 'detection-mode')).toMatchObject({ status: 'pass' });
    expect(controlOf(report, 'CC6.1').status).toBe('warn');
    expect(controlOf(report, 'CC7.3').status).toBe('fail');
    expect(controlOf(report, 'A1.2').status).toBe('pass');
    expect(report.source).toBe(`SQLite ${join(dataDir, 'infinisec.db')}`);
  });

  it('turns the MFA evidence and the controls resting on it to fail once an admin has no MFA', async () => {
    const before = await build('iso27001');
    expect(controlOf(before, 'A.8.5').status).toBe('warn');
    await stores.users.update('u-alice', { mfaEnabled: false });
    try {
      const after = await build('iso27001');
      expect(evidenceOf(after, 'mfa').status).toBe('fail');
      expect(evidenceOf(after, 'mfa').finding).toContain('alice');
      for (const id of ['A.5.15', 'A.5.17', 'A.8.5']) expect(controlOf(after, id).status).toBe('fail');
      expect(controlOf(after, 'A.8.13').status).toBe(controlOf(before, 'A.8.13').status);
    } finally {
      await stores.users.update('u-alice', { mfaEnabled: true });
    }
  });

  it('counts the data subject requests served, and who may serve them', async () => {
    const rights = evidenceOf(await build('gdpr'), 'subject-rights');
    expect(rights.status).toBe('info');
    expect(rights.details).toContainEqual({ label: 'accounts that may serve requests', value: 'alice' });
    expect(rights.details).toContainEqual({
      label: 'erasures (privacy.erase)',
      value: expect.stringMatching(/^1, the last at /),
    });
    expect(rights.details).toContainEqual({ label: 'exports (privacy.export)', value: 'none recorded' });
  });

  it('records each report made in the audit log', async () => {
    await build('gdpr');
    const entries = await stores.audit.list({ action: 'report.compliance' });
    expect(entries.at(-1)).toMatchObject({
      actor: 'user:auditor',
      target: 'gdpr',
      ip: '192.0.2.10',
      outcome: 'success',
    });
  });

  it('shows every control id, and escapes what the stores hold', async () => {
    for (const framework of FRAMEWORKS) {
      const html = renderComplianceHtml(await build(framework));
      for (const control of CATALOGS[framework].controls) expect(html).toContain(`>${control.id}<`);
      expect(html).toContain('&lt;img src=x&gt; (operator)');
      expect(html).not.toContain(HOSTILE_NAME);
    }
  });

  describe('infinisec report compliance', () => {
    const run = (args: string[], env: Record<string, string | undefined> = {}) => {
      const io = captureIo(env);
      return reportCommand.run(['compliance', ...args, '-c', configFile], io).then((code) => ({ code, io }));
    };

    it('writes the HTML report and prints a summary of the controls', async () => {
      const out = join(dir.path, 'out-html');
      const { code, io } = await run(['--framework', 'iso27001', '--out', out, '--format', 'html']);
      expect(code).toBe(0);
      const files = readdirSync(out);
      expect(files).toEqual([expect.stringMatching(/^compliance-iso27001-\d{4}-\d{2}-\d{2}\.html$/)]);
      const html = readFileSync(join(out, files[0]!), 'utf8');
      expect(html).toContain('A.8.15');
      expect(statSync(join(out, files[0]!)).mode & 0o777).toBe(0o600);
      expect(io.stdout()).toMatch(/ISO\/IEC 27001: 14 controls: \d+ pass, \d+ warn, \d+ fail/);
      expect(io.stdout()).toMatch(/^ {2}fail {2}A\.5\.26 +Response to information security incidents$/m);
      expect(io.stdout()).toContain(`wrote ${join(out, files[0]!)}`);
    });

    it('says so when the folder cannot be written', async () => {
      const blocker = join(dir.path, 'a-file');
      writeFileSync(blocker, '');
      const { code, io } = await run([
        '--framework',
        'soc2',
        '--out',
        join(blocker, 'out'),
        '--format',
        'html',
      ]);
      expect(code).toBe(1);
      expect(io.stderr()).toMatch(/^infinisec: the report cannot be written to .*a-file\/out: ENOTDIR/);
    });

    it('refuses an unknown framework or format, and a missing one', async () => {
      await expect(run(['--framework', 'pci'])).rejects.toThrow(/"pci" is not one of soc2, iso27001, gdpr/);
      await expect(run(['--framework', 'soc2', '--format', 'docx'])).rejects.toThrow(/--format/);
      await expect(run([])).rejects.toThrow(/--framework is required/);
    });

    it('writes the HTML instead, says why and fails, when --format pdf finds no Chromium', async () => {
      const out = join(dir.path, 'out-nochrome');
      const fake = join(dir.path, 'not-a-browser');
      writeFileSync(fake, 'nothing');
      chmodSync(fake, 0o644);
      const { code, io } = await run(['--framework', 'gdpr', '--out', out, '--format', 'pdf'], {
        CHROMIUM_PATH: fake,
        PATH: '',
      });
      expect(code).toBe(1);
      expect(io.stderr()).toContain(
        `no PDF was made (CHROMIUM_PATH is ${fake}, which is not an executable file)`,
      );
      expect(readdirSync(out)).toEqual([expect.stringMatching(/^compliance-gdpr-.*\.html$/)]);
    });

    const chromium = findChromium(process.env);
    // .ci/run installs Chromium: under CI its absence is an error, not a reason to skip the PDF.
    if (!('path' in chromium) && process.env.CI) throw new Error('compliance PDF test: no Chromium found');
    it.skipIf(!('path' in chromium))(
      'prints the PDF with headless Chromium',
      async () => {
        const out = join(dir.path, 'out-pdf');
        const { code, io } = await run(
          ['--framework', 'soc2', '--out', out, '--format', 'both'],
          process.env,
        );
        expect(io.stderr()).toBe('');
        expect(code).toBe(0);
        const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'));
        expect(pdf).toMatch(/^compliance-soc2-\d{4}-\d{2}-\d{2}\.pdf$/);
        expect(readFileSync(join(out, pdf!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(existsSync(join(out, pdf!.replace(/\.pdf$/, '.html')))).toBe(true);
      },
      90_000,
    );
  });

  describe('GET /api/reports/compliance', () => {
    let server: Server;
    let base: string;

    beforeAll(async () => {
      // Who calls is named by the bearer token: `Bearer analyst`, `Bearer viewer`.
      const authenticate = async (req: { headers: Record<string, string | string[] | undefined> }) => {
        const role = String(req.headers.authorization ?? '').replace(/^Bearer /, '') as Role;
        if (!role) return undefined;
        const principal: Principal = { kind: 'user', id: role, name: role, role, scopes: [], mfa: true };
        return principal;
      };
      const handle = createRouter(
        reportRoutes(reporter),
        authenticate,
        (principal, permission) => can(principal.role, permission, principal.scopes),
        () => {},
      );
      server = createServer(handle);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/reports/compliance`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const get = (query: string, role = 'analyst') =>
      fetch(`${base}?${query}`, { headers: { authorization: `Bearer ${role}` } });

    it('answers the report as JSON', async () => {
      const res = await get('framework=soc2');
      expect(res.status).toBe(200);
      const report = (await res.json()) as ComplianceReport;
      expect(report.framework).toBe('soc2');
      expect(report.controls.map((c) => c.id)).toEqual(CATALOGS.soc2.controls.map((c) => c.id));
      expect(report.evidence.find((e) => e.id === 'incidents')?.status).toBe('fail');
    });

    it('answers the page as HTML under a policy that loads nothing but its own style', async () => {
      const res = await get('framework=gdpr&format=html');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
      );
      const html = await res.text();
      expect(html).toContain('Art. 33');
    });

    it('needs reports:read, and a known framework', async () => {
      expect((await get('framework=soc2', 'viewer')).status).toBe(403);
      expect((await fetch(`${base}?framework=soc2`)).status).toBe(401);
      const bad = await get('framework=pci');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain('framework');
    });
  });

  // Last: it breaks the chain for good.
  it('fails the audit chain evidence, and the controls resting on it, once a row is changed', async () => {
    const db = openSqlite(join(dataDir, 'infinisec.db'));
    try {
      db.prepare("UPDATE audit SET actor = 'someone-else' WHERE seq = 2").run();
    } finally {
      db.close();
    }
    const report = await build('soc2');
    const chain = evidenceOf(report, 'audit-chain');
    expect(chain.status).toBe('fail');
    expect(chain.finding).toContain('broken at entry 2 (changed)');
    for (const id of ['CC6.2', 'CC7.2', 'CC7.4', 'CC8.1']) expect(controlOf(report, id).status).toBe('fail');
    expect(controlOf(report, 'A1.2').status).toBe('pass');
  });
});
