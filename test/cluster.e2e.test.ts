import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../src/config/index.js';
import {
  postgresReachable,
  TEST_POSTGRES_URL,
  testSchemas,
} from '../src/store/postgres/postgres-test-database.testing.js';
import { api, firstAdmin } from './helpers/control-client.js';
import { type GatewayProcess, spawnGateway } from './helpers/gateway-process.js';
import { type PrivateService, privateNats, privateRedis } from './helpers/private-services.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

// Three gateway processes and one control process, as `infinisec start --role …` runs them, on PostgreSQL
// (records), Redis (decisions, rate limits, keys) and NATS JetStream (events). Redis and NATS are servers of
// this test's own, on ports of its own, so that it can stop and restart them without touching anyone else's.

function installed(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const servers = installed('redis-server') && installed('nats-server');
if (!servers && process.env.CI)
  throw new Error('cluster test: redis-server and nats-server must be installed');
const runs = servers && postgresReachable;

const LIMIT = 300;
// Every process of a cluster seals and opens the same secrets (the keys that sign access tokens): one key.
const ENV = { INFINISEC_SECRET_KEY: randomBytes(32).toString('base64') };

describe.skipIf(!runs)('cluster: three gateways and a control process', () => {
  const schemas = testSchemas();
  let redis: PrivateService;
  let nats: PrivateService;
  let upstream: Upstream;
  let control: GatewayProcess;
  const gateways: GatewayProcess[] = [];
  const pools: Pool[] = [];
  let token: string;
  let sent = 0;

  const config = (): ConfigInput => ({
    server: { listeners: [{ host: '127.0.0.1', port: 0 }], trustedProxies: ['127.0.0.1'] },
    sites: [{ name: 'app', hosts: ['*'], upstream: { targets: [upstream.url] } }],
    control: { host: '127.0.0.1', port: 0 },
    logging: { level: 'warn', access: 'none' },
    store: {
      driver: 'postgres',
      postgres: { url: TEST_POSTGRES_URL, schema: schema },
      events: { flushMs: 20, maxQueue: 100_000 },
    },
    defend: {
      rateLimits: [
        {
          name: 'reports',
          algorithm: 'sliding-window',
          key: 'ip',
          limit: LIMIT,
          windowMs: 600_000,
          paths: ['/reports'],
        },
      ],
    },
    cluster: {
      redis: { url: redis.url, prefix: 'cluster-test:', timeoutMs: 200 },
      nats: { url: nats.url, stream: 'CLUSTER_TEST', subject: 'cluster-test.events' },
    },
  });
  const schema = schemas.name();

  /** One request through gateway `g` from `ip` (as its trusted proxy says); counted for the events check. */
  const hit = async (g: number, path: string, ip = '192.0.2.10') => {
    sent++;
    const reply = await pools[g]!.request({ method: 'GET', path, headers: { 'x-forwarded-for': ip } });
    await reply.body.dump();
    return reply.statusCode;
  };

  const readyz = async (g: GatewayProcess) => (await api(g.controlUrl, 'GET', '/readyz')).json;

  const metric = async (g: GatewayProcess, name: string, labels = '') => {
    const text = (await api(g.controlUrl, 'GET', '/metrics', { token })).text;
    const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
    return line === undefined ? Number.NaN : Number(line.split(' ')[1]);
  };

  /** Events of this run stored in PostgreSQL: how many rows, and how many distinct request ids. */
  const storedEvents = async () => {
    const db = await schemas.open(schema, 1);
    const { rows } = await db.query<{ rows: string; ids: string }>(
      `SELECT count(*) AS rows, count(DISTINCT body::jsonb->>'requestId') AS ids FROM events`,
    );
    await db.close();
    return { rows: Number(rows[0]!.rows), ids: Number(rows[0]!.ids) };
  };

  beforeAll(async () => {
    [redis, nats, upstream] = await Promise.all([privateRedis(), privateNats(), startUpstream()]);
    control = await spawnGateway(config(), { args: ['--role', 'control'], listeners: ['control'], env: ENV });
    token = await firstAdmin(control.controlUrl, control.stderr);
    for (let i = 0; i < 3; i++)
      gateways.push(await spawnGateway(config(), { args: ['--role', 'gateway'], env: ENV }));
    for (const g of gateways) pools.push(new Pool(g.url, { connections: 8 }));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.destroy()));
    await Promise.all([...gateways, control].filter(Boolean).map((g) => g.cleanup()));
    await Promise.all([redis?.remove(), nats?.remove(), upstream?.close()]);
  });

  it('runs each role: gateways serve traffic and health only, the control process the API', async () => {
    expect(await hit(0, '/hello')).toBe(200);
    for (const g of gateways) {
      expect(await readyz(g)).toMatchObject({ status: 'ready', role: 'gateway', redis: 'up', nats: 'up' });
      expect((await api(g.controlUrl, 'GET', '/api/events', { token })).status).toBe(404);
    }
    expect(await readyz(control)).toMatchObject({ role: 'control', redis: 'up', nats: 'up' });
  });

  it('enforces a ban made through the API on all three gateways within 100 ms', async () => {
    const banned = '203.0.113.50';
    for (let g = 0; g < 3; g++) expect(await hit(g, '/before-ban', banned)).toBe(200);
    const made = await api(control.controlUrl, 'POST', '/api/decisions', {
      token,
      body: { scope: 'ip', value: banned, action: 'block', reason: 'cluster test' },
    });
    expect(made.status).toBe(201);
    const since = performance.now();
    const heard = await Promise.all(
      [0, 1, 2].map(async (g) => {
        while (performance.now() - since < 2000) {
          if ((await hit(g, '/after-ban', banned)) === 403) return performance.now() - since;
          await sleep(2);
        }
        return Number.POSITIVE_INFINITY;
      }),
    );
    for (const ms of heard) expect(ms).toBeLessThanOrEqual(100);
    // Everyone else is still served.
    for (let g = 0; g < 3; g++) expect(await hit(g, '/after-ban', '192.0.2.11')).toBe(200);
  });

  it('holds one rate limit across the three gateways within ±5%', async () => {
    const ip = '198.51.100.7';
    const statuses = await Promise.all(
      Array.from({ length: LIMIT * 2 }, (_, i) => hit(i % 3, `/reports/${i}`, ip)),
    );
    const allowed = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(allowed).toBeGreaterThanOrEqual(LIMIT * 0.95);
    expect(allowed).toBeLessThanOrEqual(LIMIT * 1.05);
  });

  it('keeps serving from the other gateways when one is killed under load', async () => {
    const victim = gateways[2]!;
    const survivors = [0, 1];
    let killed = false;
    const load = Promise.all(
      survivors.map(async (g) => {
        const statuses: number[] = [];
        for (let i = 0; i < 150; i++) {
          if (g === 0 && i === 50) {
            victim.child.kill('SIGKILL');
            killed = true;
          }
          statuses.push(await hit(g, `/steady/${i}`, '192.0.2.20'));
        }
        return statuses;
      }),
    );
    const statuses = (await load).flat();
    expect(killed).toBe(true);
    expect(await victim.exited).toMatchObject({ signal: 'SIGKILL' });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('keeps serving while Redis is down, counting alone, and uses Redis again once it is back', async () => {
    const g = gateways[0]!;
    await redis.stop();
    await expect.poll(async () => (await readyz(g)).redis, { timeout: 10_000 }).toBe('down');
    const before = await metric(g, 'infinisec_rate_limit_counted_total', '{where="local"}');
    expect(await hit(0, '/reports/while-redis-is-down', '198.51.100.8')).toBe(200);
    expect(await hit(1, '/hello', '192.0.2.21')).toBe(200);
    expect(await metric(g, 'infinisec_rate_limit_counted_total', '{where="local"}')).toBe(before + 1);
    // The ban made before the outage still holds, from memory.
    expect(await hit(0, '/during-outage', '203.0.113.50')).toBe(403);

    await redis.start();
    for (const gateway of gateways.slice(0, 2))
      await expect.poll(async () => (await readyz(gateway)).redis, { timeout: 15_000 }).toBe('up');
    const banned = '203.0.113.51';
    const made = await api(control.controlUrl, 'POST', '/api/decisions', {
      token,
      body: { scope: 'ip', value: banned, action: 'block', reason: 'after the outage' },
    });
    expect(made.status).toBe(201);
    for (const gateway of [0, 1])
      await expect.poll(() => hit(gateway, '/after-outage', banned), { timeout: 2000 }).toBe(403);
    expect(await hit(0, '/during-outage', '203.0.113.50')).toBe(403);
  });

  it('buffers events while NATS is down and delivers them once it is back; every event is stored exactly once', async () => {
    await nats.stop();
    await expect.poll(async () => (await readyz(gateways[0]!)).nats, { timeout: 10_000 }).toBe('down');
    for (let i = 0; i < 100; i++)
      expect(await hit(i % 2, `/while-nats-is-down/${i}`, '192.0.2.30')).toBe(200);
    await expect
      .poll(async () => (await readyz(gateways[0]!)).eventsQueued, { timeout: 5000 })
      .toBeGreaterThan(0);
    await nats.start();
    for (const gateway of gateways.slice(0, 2))
      await expect.poll(async () => (await readyz(gateway)).nats, { timeout: 15_000 }).toBe('up');
    // Every request through any gateway — the one killed included, whose events were sent before it died —
    // is one row: none lost, none twice.
    await expect.poll(async () => (await storedEvents()).rows, { timeout: 30_000, interval: 250 }).toBe(sent);
    expect(await storedEvents()).toEqual({ rows: sent, ids: sent });
  }, 60_000);
});
