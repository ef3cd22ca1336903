import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ConfigInput } from '../src/config/index.js';
import { api, login } from './helpers/control-client.js';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { makeTempDir } from './helpers/temp-dir.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

// Change requests end to end over the API: a configuration change that would block a benign client is
// previewed against the request sample with the right count, cannot be approved by its requester, applies once
// another operator approves it, and a rollback (approved likewise) brings the previous behaviour back.

const PASSWORD = 'correct horse battery staple';
const VISITORS = Array.from({ length: 5 }, (_, i) => `198.51.100.${i + 1}`);
const TARGETED = '198.51.100.3';

async function startReceiver(): Promise<{ url: string; events: string[]; server: Server }> {
  const events: string[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
    });
    req.on('end', () => {
      events.push((JSON.parse(text) as { event: string }).event);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, events, server };
}

describe('change requests over the API', () => {
  let upstream: Upstream;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let data: ReturnType<typeof makeTempDir>;
  let gateway: InProcessGateway;
  let pool: Pool;
  let base: ConfigInput;
  let admin: string;
  let operator: string;

  beforeAll(async () => {
    upstream = await startUpstream();
    receiver = await startReceiver();
    data = makeTempDir();
    const plain = baseConfig(upstream.url);
    base = {
      ...plain,
      server: { ...plain.server, trustedProxies: ['127.0.0.1'] },
      store: { driver: 'sqlite', dataDir: data.path },
      guardian: {
        approvals: { enabled: true, notify: [{ url: receiver.url }] },
        samples: { rate: 1 },
      },
    };
    gateway = await startInProcess(base);
    pool = new Pool(gateway.url, { connections: 4 });
    const setup = await api(gateway.controlUrl, 'POST', '/api/setup', {
      body: { token: gateway.setupToken, username: 'admin', password: PASSWORD },
    });
    expect(setup.status).toBe(201);
    admin = await login(gateway.controlUrl, 'admin', PASSWORD);
    const made = await api(gateway.controlUrl, 'POST', '/api/users', {
      token: admin,
      body: { username: 'olive', password: PASSWORD, role: 'operator' },
    });
    expect(made.status).toBe(201);
    operator = await login(gateway.controlUrl, 'olive', PASSWORD);
  }, 30_000);

  afterAll(async () => {
    await pool?.destroy();
    await gateway?.stop();
    await upstream?.close();
    receiver?.server.close();
    data?.remove();
  });

  const hit = async (path: string, ip: string) => {
    const reply = await pool.request({ method: 'GET', path, headers: { 'x-forwarded-for': ip } });
    await reply.body.dump();
    return reply.statusCode;
  };
  const control = (method: string, path: string, token: string, body?: unknown) =>
    api(gateway.controlUrl, method, path, { token, ...(body !== undefined ? { body } : {}) });

  it('previews, refuses the requester, applies on approval, and rolls back', async () => {
    // Three benign requests from each visitor, and one attack from elsewhere.
    for (const ip of VISITORS)
      for (const path of ['/', '/products?q=red+shoes', '/about']) expect(await hit(path, ip)).toBe(200);
    expect(
      await hit(`/search?q=${encodeURIComponent("1' union select password from users--")}`, '203.0.113.9'),
    ).toBe(403);
    const noChange = { kind: 'config', text: JSON.stringify(base) };
    await expect
      .poll(
        async () => (await control('POST', '/api/changes/preview', admin, noChange)).json.preview.samples,
        {
          timeout: 10_000,
        },
      )
      .toBe(16);
    const unchanged = (await control('POST', '/api/changes/preview', admin, noChange)).json;
    expect(unchanged).toMatchObject({ impact: 'low', preview: { changed: 0 }, diff: '' });
    const before = (await control('GET', '/api/config/versions', admin)).json.versions[0].version;

    // Blocking one benign visitor: the three requests it sent would now be stopped.
    const stricter = { ...base, defend: { decisions: [{ scope: 'ip', value: TARGETED, action: 'block' }] } };
    const applied = await api(gateway.controlUrl, 'POST', '/api/config/apply?comment=block+one', {
      token: admin,
      raw: { type: 'application/yaml', text: stringify(stricter) },
    });
    expect(applied.status).toBe(202);
    const change = applied.json.change;
    expect(change).toMatchObject({
      kind: 'config',
      status: 'pending',
      impact: 'high',
      requester: 'user:admin',
      approvalsNeeded: 1,
      preview: { samples: 16, changed: 3, stricter: 3, looser: 0 },
    });
    expect(change.preview.shifts).toEqual([{ from: 'allow', to: 'block', count: 3 }]);
    expect(change.preview.examples.every((e: { to: string }) => e.to === 'block')).toBe(true);
    expect(change.diff).toMatch(/^\+\s+value: 198\.51\.100\.3$/m);
    expect(change).not.toHaveProperty('payload');
    // Not applied yet.
    expect(await hit('/', TARGETED)).toBe(200);

    const own = await control('POST', `/api/changes/${change.id}/approve`, admin, {});
    expect(own.status).toBe(403);
    expect(own.json.error).toMatch(/requester/);
    const approved = await control('POST', `/api/changes/${change.id}/approve`, operator, { comment: 'ok' });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({
      status: 'applied',
      approvals: [{ actor: 'user:olive', comment: 'ok' }],
    });
    const version = approved.json.result.version;
    expect(version).toBeGreaterThan(before);
    expect(await hit('/', TARGETED)).toBe(403);
    expect(await hit('/', VISITORS[0]!)).toBe(200);
    const again = await control('POST', `/api/changes/${change.id}/approve`, operator, {});
    expect(again.status).toBe(409);

    const diff = (await control('GET', `/api/config/versions/${version}/diff`, admin)).json;
    expect(diff.diff).toMatch(/^\+\s+value: 198\.51\.100\.3$/m);

    // Rolling back lets the visitor through again: looser, so it waits for an approval too.
    const rollback = await control('POST', '/api/config/rollback', operator, { version: before });
    expect(rollback.status).toBe(202);
    expect(rollback.json.change).toMatchObject({ kind: 'rollback', status: 'pending', impact: 'high' });
    expect(rollback.json.change.preview.looser).toBeGreaterThanOrEqual(3);
    const back = await control('POST', `/api/changes/${rollback.json.change.id}/approve`, admin, {});
    expect(back.json.status).toBe('applied');
    expect(await hit('/', TARGETED)).toBe(200);

    const audit = (await control('GET', '/api/audit?limit=200', admin)).json.entries.map(
      (e: { action: string }) => e.action,
    );
    for (const action of ['change.request', 'change.approve', 'change.apply'])
      expect(audit).toContain(action);
    await expect.poll(() => receiver.events.filter((e) => e === 'change.applied').length).toBe(2);
    expect(receiver.events).toContain('change.created');
  });

  it('lets a requester withdraw, refuses a viewer, and makes a broad range a change request', async () => {
    const viewer = await control('POST', '/api/users', admin, {
      username: 'vera',
      password: PASSWORD,
      role: 'viewer',
    });
    expect(viewer.status).toBe(201);
    const vera = await login(gateway.controlUrl, 'vera', PASSWORD);
    expect((await control('GET', '/api/changes', vera)).status).toBe(403);

    const broad = await control('POST', '/api/decisions', operator, {
      scope: 'cidr',
      value: '198.51.0.0/16',
    });
    expect(broad.status).toBe(202);
    expect(broad.json.change.reasons.join(' ')).toContain('/16 (65,536 addresses)');
    expect(broad.json.change.preview.stricter).toBeGreaterThan(0);
    expect(await hit('/', VISITORS[0]!)).toBe(200);
    const withdrawn = await control('POST', `/api/changes/${broad.json.change.id}/reject`, operator, {
      comment: 'too wide',
    });
    expect(withdrawn.json).toMatchObject({ status: 'rejected', rejection: { actor: 'user:olive' } });

    // An exclusion that names nothing to silence is refused on both routes.
    const vague = { kind: 'exclusion', exclusion: { path: '/search' } };
    expect((await control('POST', '/api/changes/preview', operator, vague)).status).toBe(400);
    expect((await control('POST', '/api/exclusions', operator, { path: '/search' })).status).toBe(400);

    const narrow = await control('POST', '/api/decisions', operator, { scope: 'ip', value: '203.0.113.50' });
    expect(narrow.status).toBe(201);
    const pending = (await control('GET', '/api/changes?status=pending', admin)).json.changes;
    expect(pending).toEqual([]);
  });

  it('erases an address from events, samples and decisions over the API, for admins only', async () => {
    const victim = VISITORS[1]!;
    expect(await hit('/contact', victim)).toBe(200);
    await expect
      .poll(async () => (await control('GET', `/api/events?client=${victim}`, admin)).json.events.length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    expect((await control('POST', '/api/decisions', admin, { scope: 'ip', value: victim })).status).toBe(201);
    expect((await control('POST', '/api/privacy/erase', operator, { ip: victim })).status).toBe(403);
    // Samples are written a moment after their events: export once the victim's are in.
    await expect
      .poll(
        async () =>
          (await control('POST', '/api/privacy/export', admin, { ip: victim })).json.samples.items.length,
        {
          timeout: 10_000,
        },
      )
      .toBe(4);
    const exported = await control('POST', '/api/privacy/export', admin, { ip: victim });
    expect(exported.json.events.items.length).toBe(4);
    expect(exported.json.decisions.items).toHaveLength(1);
    const erased = await control('POST', '/api/privacy/erase', admin, { ip: victim });
    expect(erased.status).toBe(200);
    const after = (await control('POST', '/api/privacy/export', admin, { ip: victim })).json;
    expect([after.events, after.samples, after.decisions].map((section) => section.items.length)).toEqual([
      0, 0, 0,
    ]);
    expect(JSON.stringify(erased.json)).not.toContain(victim);
    expect((await control('GET', `/api/events?client=${victim}`, admin)).json.events).toEqual([]);
    expect(
      (await control('GET', '/api/decisions', admin)).json.decisions.map((d: { value: string }) => d.value),
    ).not.toContain(victim);
    const preview = (
      await control('POST', '/api/changes/preview', admin, { kind: 'config', text: JSON.stringify(base) })
    ).json;
    expect(preview.preview.samples).toBeGreaterThan(0);
    const audit = (await control('GET', '/api/audit?limit=500', admin)).json.entries;
    const erasure = audit.find((e: { action: string }) => e.action === 'privacy.erase');
    expect(erasure).toBeDefined();
    expect(JSON.stringify(erasure)).not.toContain(victim);
    expect((await control('GET', '/api/audit/verify', admin)).json.ok).toBe(true);
  });
});
