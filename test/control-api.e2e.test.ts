import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyRing, ROLE_PERMISSIONS, signAccessToken, totpAt } from '../src/control/auth/index.js';
import { renderPermissionMatrix } from '../src/control/index.js';
import { ROLES, type Role } from '../src/core/index.js';
import { createSecretBox, keyIdOf } from '../src/guardian/index.js';
import { api, login } from './helpers/control-client.js';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { send } from './helpers/http-client.js';
import { makeTempDir } from './helpers/temp-dir.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

const PASSWORD = 'correct horse battery staple';
const ROOT = new URL('..', import.meta.url).pathname;

let upstream: Upstream;
let gateway: InProcessGateway;
let dataDir: { path: string; remove(): void };
let control: string;
const tokens = {} as Record<Role, string>;
const keys = {} as Record<Role, string>;

beforeAll(async () => {
  upstream = await startUpstream();
  dataDir = makeTempDir();
  gateway = await startInProcess({
    ...baseConfig(upstream.url),
    store: { driver: 'sqlite', dataDir: dataDir.path, events: { flushMs: 20 } },
  });
  control = gateway.controlUrl;
  const setup = await api(control, 'POST', '/api/setup', {
    body: { token: gateway.setupToken, username: 'root-admin', password: PASSWORD },
  });
  expect(setup.status).toBe(201);
  tokens.admin = await login(control, 'root-admin', PASSWORD);
  for (const role of ROLES) {
    if (role !== 'admin') {
      const made = await api(control, 'POST', '/api/users', {
        token: tokens.admin,
        body: { username: `${role}-1`, password: PASSWORD, role },
      });
      expect(made.status).toBe(201);
      tokens[role] = await login(control, `${role}-1`, PASSWORD);
    }
    const key = await api(control, 'POST', '/api/apikeys', {
      token: tokens.admin,
      body: { name: `${role} key`, role },
    });
    expect(key.status).toBe(201);
    keys[role] = key.json.token;
  }
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await upstream?.close();
  dataDir?.remove();
});

describe('control API: setup', () => {
  it('refuses a second setup once a user exists', async () => {
    const again = await api(control, 'POST', '/api/setup', {
      body: { token: gateway.setupToken, username: 'intruder', password: PASSWORD },
    });
    expect(again.status).toBe(409);
  });
});

describe('control API: every route × every role', () => {
  const probe = (method: string, path: string, token?: string) =>
    api(control, method, path.replace(/\{(\w+)\}/g, 'does-not-exist'), {
      ...(token ? { token } : {}),
      ...(method === 'POST' || method === 'PATCH' ? { body: {} } : {}),
    });

  it('answers 401 without a credential on every route that is not public', async () => {
    for (const r of gateway.app.controlPlane!.routes) {
      if (r.access === 'public') continue;
      const reply = await probe(r.method, r.path);
      expect(reply.status, `${r.method} ${r.path}`).toBe(401);
      expect(reply.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('lets each role (by token and by API key) reach exactly the routes of its permissions', async () => {
    const checked: string[] = [];
    for (const r of gateway.app.controlPlane!.routes) {
      if (r.access === 'public' || r.access === 'authenticated') continue;
      for (const role of ROLES) {
        const allowed = ROLE_PERMISSIONS[role].has(r.access);
        for (const [how, credential] of [
          ['token', tokens[role]],
          ['key', keys[role]],
        ] as const) {
          const reply = await probe(r.method, r.path, credential);
          const label = `${role} (${how}) ${r.method} ${r.path} → ${reply.status}`;
          if (allowed) expect([401, 403], label).not.toContain(reply.status);
          else expect(reply.status, label).toBe(403);
          checked.push(label);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(100);
  });

  it('narrows an API key to its scopes', async () => {
    const scoped = await api(control, 'POST', '/api/apikeys', {
      token: tokens.admin,
      body: { name: 'events only', role: 'operator', scopes: ['events:read'] },
    });
    expect(scoped.status).toBe(201);
    expect((await api(control, 'GET', '/api/events', { token: scoped.json.token })).status).toBe(200);
    expect((await api(control, 'GET', '/api/decisions', { token: scoped.json.token })).status).toBe(403);
  });

  it('never lets a key outrank its creator', async () => {
    const reply = await api(control, 'POST', '/api/apikeys', {
      token: keys.operator,
      body: { name: 'escalate', role: 'admin' },
    });
    expect(reply.status).toBe(403);
  });

  it('documents the matrix in docs/security.md as the code enforces it', () => {
    // Compared cell by cell: a formatter may pad the columns.
    const cells = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.startsWith('|') && !/^\|[\s:|-]+\|$/.test(line))
        .map((line) =>
          line
            .split('|')
            .map((cell) => cell.trim())
            .join('|'),
        )
        .join('\n');
    const file = join(ROOT, 'docs', 'security.md');
    const matrix = renderPermissionMatrix(gateway.app.controlPlane!.routes);
    if (process.env.UPDATE_DOCS)
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          /(<!-- permission-matrix:start -->\n)[\s\S]*(<!-- permission-matrix:end -->)/,
          `$1\n${matrix}\n$2`,
        ),
      );
    expect(cells(readFileSync(file, 'utf8'))).toContain(cells(matrix));
  });

  it('serves the OpenAPI document with every route and a page for people', async () => {
    const doc = await api(control, 'GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    for (const r of gateway.app.controlPlane!.routes)
      expect(doc.json.paths[r.path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
    const page = await api(control, 'GET', '/api/docs');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('/api/decisions/{id}');
  });
});

describe('control API: tokens', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const forged = (header: unknown, payload: unknown, secret: Buffer) => {
    const body = `${b64(header)}.${b64(payload)}`;
    return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
  };
  const realRing = async () => {
    const key = Buffer.from(readFileSync(join(dataDir.path, 'secret.key'), 'utf8').trim(), 'base64');
    const box = createSecretBox(key, keyIdOf(key));
    const ring = createKeyRing();
    for (const stored of await gateway.app.stores.secrets.list('jwt:')) {
      const { secret, created } = JSON.parse(box.open(stored.name, stored.sealed).toString('utf8'));
      ring.add({ kid: stored.name.slice(4), secret: Buffer.from(secret, 'base64'), created });
    }
    return ring;
  };
  const me = (token: string) => api(control, 'GET', '/api/auth/me', { token });

  it('accepts a token the gateway signed', async () => {
    const reply = await me(tokens.viewer);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ kind: 'user', name: 'viewer-1', role: 'viewer' });
  });

  it('refuses an expired token, a wrong signature, alg none and an unknown key id', async () => {
    const ring = await realRing();
    const user = (await me(tokens.admin)).json;
    const subject = { sub: user.id, role: 'admin' as const, name: 'root-admin', mfa: false };
    const expired = signAccessToken(ring, subject, Date.now() - 20 * 60_000, 900);
    expect((await me(expired)).status).toBe(401);
    const fresh = signAccessToken(ring, subject, Date.now(), 900);
    expect((await me(fresh)).status).toBe(200);

    const [header, payload] = fresh.split('.');
    const headerJson = JSON.parse(Buffer.from(header!, 'base64url').toString());
    const payloadJson = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    expect((await me(forged(headerJson, payloadJson, randomBytes(32)))).status).toBe(401);
    expect((await me(`${b64({ ...headerJson, alg: 'none' })}.${payload}.`)).status).toBe(401);
    expect(
      (await me(forged({ ...headerJson, kid: 'ffffffffffffffff' }, payloadJson, randomBytes(32)))).status,
    ).toBe(401);
    expect((await me(forged({ ...headerJson, alg: 'HS512' }, payloadJson, randomBytes(32)))).status).toBe(
      401,
    );
    expect((await me('not-a-token')).status).toBe(401);
    expect((await api(control, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('rotates refresh tokens and revokes the family when one is used twice', async () => {
    const first = await api(control, 'POST', '/api/auth/login', {
      body: { username: 'analyst-1', password: PASSWORD },
    });
    const second = await api(control, 'POST', '/api/auth/refresh', {
      body: { refreshToken: first.json.refreshToken },
    });
    expect(second.status).toBe(200);
    expect(second.json.refreshToken).not.toBe(first.json.refreshToken);
    const reuse = await api(control, 'POST', '/api/auth/refresh', {
      body: { refreshToken: first.json.refreshToken },
    });
    expect(reuse.status).toBe(401);
    const afterReuse = await api(control, 'POST', '/api/auth/refresh', {
      body: { refreshToken: second.json.refreshToken },
    });
    expect(afterReuse.status).toBe(401);
    const audit = await api(control, 'GET', '/api/audit?action=auth.refresh-reuse', { token: tokens.admin });
    expect(audit.json.entries.length).toBeGreaterThan(0);
  });

  it('locks an account with a growing delay after failed logins', async () => {
    await api(control, 'POST', '/api/users', {
      token: tokens.admin,
      body: { username: 'clumsy', password: PASSWORD, role: 'viewer' },
    });
    for (let i = 0; i < 5; i++) {
      const wrong = await api(control, 'POST', '/api/auth/login', {
        body: { username: 'clumsy', password: 'not the password at all' },
      });
      expect(wrong.status).toBe(401);
    }
    const locked = await api(control, 'POST', '/api/auth/login', {
      body: { username: 'clumsy', password: PASSWORD },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1100));
    const wrongAgain = await api(control, 'POST', '/api/auth/login', {
      body: { username: 'clumsy', password: 'still not the password' },
    });
    expect(wrongAgain.status).toBe(401);
    const longer = await api(control, 'POST', '/api/auth/login', {
      body: { username: 'clumsy', password: PASSWORD },
    });
    expect(longer.status).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThanOrEqual(2);
  });

  it('answers an unknown user like a wrong password', async () => {
    const reply = await api(control, 'POST', '/api/auth/login', {
      body: { username: 'nobody', password: PASSWORD },
    });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ error: 'invalid credentials' });
  });
});

describe('control API: multi-factor', () => {
  it('enrols TOTP, then requires a code or a recovery code at login', async () => {
    await api(control, 'POST', '/api/users', {
      token: tokens.admin,
      body: { username: 'careful', password: PASSWORD, role: 'operator' },
    });
    const token = await login(control, 'careful', PASSWORD);
    const enrol = await api(control, 'POST', '/api/auth/mfa/enroll', { token });
    expect(enrol.status).toBe(200);
    expect(enrol.json.uri).toMatch(/^otpauth:\/\/totp\//);
    const step = Math.floor(Date.now() / 30_000);
    expect(
      (await api(control, 'POST', '/api/auth/mfa/confirm', { token, body: { code: '000000' } })).status,
    ).toBe(400);
    const confirmed = await api(control, 'POST', '/api/auth/mfa/confirm', {
      token,
      body: { code: totpAt(enrol.json.secret, step) },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.recoveryCodes).toHaveLength(10);

    const bare = await api(control, 'POST', '/api/auth/login', {
      body: { username: 'careful', password: PASSWORD },
    });
    expect(bare.status).toBe(401);
    expect(bare.json.mfaRequired).toBe(true);
    const replay = await api(control, 'POST', '/api/auth/login', {
      body: { username: 'careful', password: PASSWORD, code: totpAt(enrol.json.secret, step) },
    });
    expect(replay.status).toBe(401);
    const next = await api(control, 'POST', '/api/auth/login', {
      body: { username: 'careful', password: PASSWORD, code: totpAt(enrol.json.secret, step + 1) },
    });
    expect(next.status).toBe(200);
    const [recovery] = confirmed.json.recoveryCodes;
    const withRecovery = await api(control, 'POST', '/api/auth/login', {
      body: { username: 'careful', password: PASSWORD, recoveryCode: recovery },
    });
    expect(withRecovery.status).toBe(200);
    expect(withRecovery.json.user.recoveryCodesLeft).toBe(9);
    const reused = await api(control, 'POST', '/api/auth/login', {
      body: { username: 'careful', password: PASSWORD, recoveryCode: recovery },
    });
    expect(reused.status).toBe(401);
    // The seed is sealed in the store, never in the clear.
    const stored = await gateway.app.stores.secrets.list('totp:');
    expect(stored.length).toBeGreaterThan(0);
    for (const s of stored) expect(s.sealed).not.toContain(enrol.json.secret);
  });
});

describe('control API: events, decisions, config, audit', () => {
  it('stores every event and serves it filtered and aggregated', async () => {
    for (let i = 0; i < 20; i++) await send(`${gateway.url}/items/${i}`);
    await send(`${gateway.url}/search?q=1'%20union%20select%20password%20from%20users--`);
    await gateway.app.storage.writer!.flush();
    const all = await api(control, 'GET', '/api/events?limit=5', { token: tokens.viewer });
    expect(all.status).toBe(200);
    expect(all.json.events).toHaveLength(5);
    expect(all.json.next).toBeTruthy();
    const page2 = await api(
      control,
      'GET',
      `/api/events?limit=5&cursor=${encodeURIComponent(all.json.next)}`,
      {
        token: tokens.viewer,
      },
    );
    expect(page2.json.events[0].time).toBeLessThanOrEqual(all.json.events[4].time);
    const attacks = await api(control, 'GET', '/api/events?category=sqli', { token: tokens.viewer });
    expect(attacks.json.events.length).toBe(1);
    expect(attacks.json.events[0].verdict.action).not.toBe('allow');
    const one = await api(control, 'GET', `/api/events/${attacks.json.events[0].id}`, {
      token: tokens.viewer,
    });
    expect(one.json.verdict.findings.map((f: { analyzer: string }) => f.analyzer)).toContain('sqli');
    const stats = await api(control, 'GET', '/api/events/stats?bucket=1m', { token: tokens.viewer });
    expect(stats.json.total).toBeGreaterThanOrEqual(21);
    expect(stats.json.categories).toContainEqual({ category: 'sqli', count: 1 });
    expect(stats.json.topPaths.length).toBeGreaterThan(0);
    expect((await api(control, 'GET', '/api/events?from=yesterday', { token: tokens.viewer })).status).toBe(
      400,
    );
  });

  it('creates, enforces and deletes a decision, and audits both', async () => {
    const made = await api(control, 'POST', '/api/decisions', {
      token: tokens.operator,
      body: { value: '127.0.0.1', action: 'block', reason: 'test', ttlSeconds: 600 },
    });
    expect(made.status).toBe(201);
    expect((await send(`${gateway.url}/`)).status).toBe(403);
    const listed = await api(control, 'GET', '/api/decisions', { token: tokens.viewer });
    expect(listed.json.decisions.map((d: { id: string }) => d.id)).toContain(made.json.id);
    expect(await gateway.app.stores.decisions.list(Date.now())).toContainEqual(made.json);
    expect(
      (await api(control, 'POST', '/api/decisions', { token: tokens.operator, body: { value: 'nope' } }))
        .status,
    ).toBe(400);
    const deleted = await api(control, 'DELETE', `/api/decisions/${made.json.id}`, {
      token: tokens.operator,
    });
    expect(deleted.status).toBe(204);
    expect((await send(`${gateway.url}/`)).status).toBe(200);
    expect(await gateway.app.stores.decisions.list(Date.now())).not.toContainEqual(made.json);
    const audit = await api(control, 'GET', '/api/audit?action=decision.create', { token: tokens.analyst });
    expect(audit.json.entries.some((e: { target: string }) => e.target === made.json.id)).toBe(true);
  });

  it('validates and applies a configuration as a new version, and refuses a broken one', async () => {
    const before = await api(control, 'GET', '/api/config', { token: tokens.analyst });
    const broken = await api(control, 'POST', '/api/config/validate', {
      token: tokens.operator,
      raw: { type: 'application/yaml', text: 'server:\n  listeners: nope\n' },
    });
    expect(broken.status).toBe(422);
    expect(broken.json.problems.length).toBeGreaterThan(0);
    const next = {
      ...baseConfig(upstream.url),
      server: { listeners: [{ host: '127.0.0.1', port: gateway.port }] },
      control: { host: '127.0.0.1', port: Number(new URL(control).port) },
      store: { driver: 'sqlite', dataDir: dataDir.path, events: { flushMs: 20 } },
      logging: { level: 'silent', access: 'all' },
    };
    const applied = await api(control, 'POST', '/api/config/apply?comment=access%20log%20on', {
      token: tokens.operator,
      raw: { type: 'application/json', text: JSON.stringify(next) },
    });
    expect(applied.status).toBe(200);
    expect(applied.json.version).toBe(before.json.version + 1);
    const after = await api(control, 'GET', '/api/config', { token: tokens.analyst });
    expect(after.json.source).toContain('access: all');
    const versions = await api(control, 'GET', '/api/config/versions', { token: tokens.analyst });
    expect(versions.json.versions[0]).toMatchObject({
      version: applied.json.version,
      comment: 'access log on',
    });
    expect(versions.json.versions[0].author).toBe('user:operator-1');
  });

  it('keeps an audit chain that verifies and exports', async () => {
    const verified = await api(control, 'GET', '/api/audit/verify', { token: tokens.analyst });
    expect(verified.json.ok).toBe(true);
    expect(verified.json.entries).toBeGreaterThan(10);
    const csv = await api(control, 'GET', '/api/audit/export?format=csv', { token: tokens.analyst });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('auth.login');
    const cef = await api(control, 'GET', '/api/audit/export?format=cef', { token: tokens.analyst });
    expect(cef.text.split('\n')[0]).toMatch(/^CEF:0\|Infinite Security\|infinisec\|/);
    const logins = await api(control, 'GET', '/api/audit?action=auth.login', { token: tokens.analyst });
    expect(logins.json.entries.some((e: { outcome: string }) => e.outcome === 'failure')).toBe(true);
    expect(JSON.stringify(logins.json)).not.toContain(PASSWORD);
  });

  it('keeps users manageable without ever leaving no admin', async () => {
    const users = await api(control, 'GET', '/api/users', { token: tokens.admin });
    const admin = users.json.users.find((u: { username: string }) => u.username === 'root-admin');
    expect(JSON.stringify(users.json)).not.toMatch(/argon2|passwordHash/);
    const demote = await api(control, 'PATCH', `/api/users/${admin.id}`, {
      token: tokens.admin,
      body: { role: 'viewer' },
    });
    expect(demote.status).toBe(409);
    const weak = await api(control, 'POST', '/api/users', {
      token: tokens.admin,
      body: { username: 'weak', password: 'short', role: 'viewer' },
    });
    expect(weak.status).toBe(400);
  });
});

describe('control API: exclusions, imports and the dashboard files', () => {
  it('silences a false positive with scoped exclusions applied as a new version', async () => {
    const target = `${gateway.url}/search?q=1'%20union%20select%20password%20from%20users--`;
    expect((await send(target)).status).toBe(403);
    await gateway.app.storage.writer!.flush();
    const flagged = await api(control, 'GET', '/api/events?path=/search&limit=1', { token: tokens.viewer });
    const findings: { analyzer: string; location: string }[] = flagged.json.events[0].verdict.findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(
      (await api(control, 'POST', '/api/exclusions', { token: tokens.analyst, body: { analyzer: 'sqli' } }))
        .status,
    ).toBe(403);
    expect(
      (await api(control, 'POST', '/api/exclusions', { token: tokens.operator, body: { path: '/x' } }))
        .status,
    ).toBe(400);
    for (const finding of findings) {
      const made = await api(control, 'POST', '/api/exclusions', {
        token: tokens.operator,
        body: { path: '/search', location: finding.location, analyzer: finding.analyzer, comment: 'test' },
      });
      expect(made.status).toBe(201);
    }
    expect((await send(target)).status).toBe(200);
    // Only that path is silenced.
    expect(
      (await send(`${gateway.url}/other?q=1'%20union%20select%20password%20from%20users--`)).status,
    ).toBe(403);
    const listed = await api(control, 'GET', '/api/exclusions', { token: tokens.analyst });
    expect(listed.json.exclusions.length).toBe(findings.length);
  });

  it('imports a fail2ban list as decisions', async () => {
    const text =
      'Status for the jail: sshd\n`- Actions\n   `- Banned IP list:\t198.51.100.31 198.51.100.32\n';
    const imported = await api(control, 'POST', '/api/decisions/import', {
      token: tokens.operator,
      body: { format: 'fail2ban', text, ttlSeconds: 60 },
    });
    expect(imported.status).toBe(201);
    expect(imported.json.added.map((d: { value: string }) => d.value)).toEqual([
      '198.51.100.31',
      '198.51.100.32',
    ]);
    const listed = await api(control, 'GET', '/api/decisions', { token: tokens.viewer });
    expect(listed.json.decisions.map((d: { value: string }) => d.value)).toContain('198.51.100.32');
  });

  it('serves the dashboard at / with a policy that loads nothing from elsewhere', async () => {
    const page = await send(`${control}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const deep = await send(`${control}/settings/users`);
    expect(deep.body).toBe(page.body);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await send(`${control}${script}`);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await send(`${control}/assets/missing.js`)).status).toBe(404);
    expect((await send(`${control}/api/nothing-here`)).status).toBe(404);
  });
});
