import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  redisReachable,
  TEST_REDIS_URL,
  testPrefixes,
} from '../src/store/redis/redis-test-database.testing.js';
import { api, firstAdmin } from './helpers/control-client.js';
import { type GatewayProcess, spawnGateway } from './helpers/gateway-process.js';
import { send } from './helpers/http-client.js';
import { makeTempDir } from './helpers/temp-dir.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

/** The pids of a process's children. */
function children(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

describe.skipIf(!redisReachable)('server.workers: gateway workers sharing the listeners of one host', () => {
  const prefixes = testPrefixes();
  const dataDir = makeTempDir();
  let upstream: Upstream;
  let primary: GatewayProcess;
  let pool: Pool;
  let token: string;
  let sent = 0;

  const hit = async (path: string, ip = '192.0.2.10') => {
    sent++;
    const reply = await pool.request({ method: 'GET', path, headers: { 'x-forwarded-for': ip } });
    await reply.body.dump();
    return reply.statusCode;
  };
  const readyz = async () => (await api(primary.controlUrl, 'GET', '/readyz')).json;

  beforeAll(async () => {
    upstream = await startUpstream();
    primary = await spawnGateway({
      server: { listeners: [{ host: '127.0.0.1', port: 0 }], trustedProxies: ['127.0.0.1'], workers: 2 },
      sites: [{ name: 'app', hosts: ['*'], upstream: { targets: [upstream.url] } }],
      control: { host: '127.0.0.1', port: 0 },
      logging: { level: 'warn', access: 'none' },
      store: { driver: 'sqlite', dataDir: dataDir.path, events: { flushMs: 20 } },
      defend: {
        rateLimits: [
          {
            name: 'reports',
            algorithm: 'sliding-window',
            key: 'ip',
            limit: 40,
            windowMs: 600_000,
            paths: ['/reports'],
          },
        ],
      },
      cluster: { redis: { url: TEST_REDIS_URL, prefix: prefixes.name() } },
    });
    token = await firstAdmin(primary.controlUrl, primary.stderr);
    pool = new Pool(primary.url, { connections: 16 });
  }, 60_000);

  afterAll(async () => {
    await pool?.destroy();
    await primary?.cleanup();
    await upstream?.close();
    dataDir.remove();
  });

  it('starts the workers, serves through them, and reports them in readiness and metrics', async () => {
    await expect.poll(async () => (await readyz()).workers, { timeout: 10_000 }).toBe(2);
    expect(primary.lines.some((line) => line.includes('2 gateway workers'))).toBe(true);
    expect(children(primary.pid)).toHaveLength(2);
    for (let i = 0; i < 20; i++) expect(await hit(`/hello/${i}`)).toBe(200);
    const metrics = (await api(primary.controlUrl, 'GET', '/metrics', { token })).text;
    expect(metrics).toMatch(/infinisec_requests_total/);
  });

  it('holds a rate limit and a ban across the workers', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 80 }, (_, i) => hit(`/reports/${i}`, '198.51.100.9')),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    const made = await api(primary.controlUrl, 'POST', '/api/decisions', {
      token,
      body: { scope: 'ip', value: '203.0.113.60', action: 'block', reason: 'workers test' },
    });
    expect(made.status).toBe(201);
    // Many connections, so that both workers answer; each must refuse.
    await expect
      .poll(
        async () =>
          (await Promise.all(Array.from({ length: 16 }, () => hit('/x', '203.0.113.60')))).every(
            (s) => s === 403,
          ),
        {
          timeout: 2000,
        },
      )
      .toBe(true);
  });

  it('stores the events of every worker once, through the primary', async () => {
    await expect
      .poll(async () => (await api(primary.controlUrl, 'GET', '/api/events/stats', { token })).json.total, {
        timeout: 10_000,
      })
      .toBe(sent);
  });

  it('starts a worker again when it dies, and keeps serving meanwhile', async () => {
    const [victim] = children(primary.pid);
    const from = primary.lines.length;
    process.kill(victim!, 'SIGKILL');
    await primary.waitForLog((entry) => entry.msg === 'workers: a worker died', { from });
    // Connections the dead worker held die with it; once the primary knows, new ones go to the living worker
    // while the dead one is started again.
    for (let i = 0; i < 30; i++) {
      expect((await send(`${primary.url}/during-restart/${i}`)).status).toBe(200);
      await sleep(10);
    }
    await expect.poll(() => children(primary.pid).length, { timeout: 10_000 }).toBe(2);
    await expect.poll(async () => (await readyz()).workers, { timeout: 10_000 }).toBe(2);
  });

  it('stops every worker, then itself, on SIGTERM', async () => {
    const workers = children(primary.pid);
    primary.child.kill('SIGTERM');
    expect(await primary.exited).toMatchObject({ code: 0 });
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
