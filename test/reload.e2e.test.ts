import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../src/config/index.js';
import { firstAdmin } from './helpers/control-client.js';
import { LOOPBACK_LISTENER } from './helpers/gateway-config.js';
import { type GatewayProcess, type LogEntry, spawnGateway } from './helpers/gateway-process.js';
import { json, send } from './helpers/http-client.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

const REWRITES = 20;
const LOOPS = 4;

function configFor(target: Upstream): ConfigInput {
  return {
    server: { listeners: [LOOPBACK_LISTENER] },
    sites: [{ name: 'app', hosts: ['*'], upstream: { targets: [target.url] } }],
    control: { host: '127.0.0.1', port: 0 },
    // info: the reload lines are what this test reads.
    logging: { level: 'info', access: 'none' },
  };
}

async function configVersion(gateway: GatewayProcess): Promise<number> {
  const res = await send(`${gateway.controlUrl}/readyz`);
  expect(res.status).toBe(200);
  return json<{ configVersion: number }>(res).configVersion;
}

/** The config version once no reload is pending (a file write is also seen by the watcher, 100 ms later). */
async function settledVersion(gateway: GatewayProcess): Promise<number> {
  let version = await configVersion(gateway);
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await configVersion(gateway);
    if (now === version) return now;
    version = now;
  }
  throw new Error('the config version never settled');
}

/** Requests until `upstream` answers: a reload is in effect once new requests go where it says. */
async function waitForUpstream(gateway: GatewayProcess, upstream: Upstream): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await send(`${gateway.url}/probe`);
    if (res.headers['x-upstream'] === upstream.name) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`requests never reached ${upstream.name}`);
}

/**
 * Sends requests from `LOOPS` concurrent loops until `stop` is called, each loop bounded in count and time;
 * `stop` resolves to the tally.
 */
function trafficLoops(url: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: LOOPS });
  const deadline = Date.now() + 60_000;
  const tally = { ok: 0, failed: [] as string[], byUpstream: new Map<string, number>() };
  let running = true;
  const loop = async () => {
    for (let i = 0; i < 20_000 && running && Date.now() < deadline; i++) {
      try {
        const res = await send(`${url}/traffic/${i}`, {
          agent,
          method: i % 3 === 0 ? 'POST' : 'GET',
          ...(i % 3 === 0 ? { body: `body ${i}` } : {}),
        });
        if (res.status === 200) {
          tally.ok++;
          const name = String(res.headers['x-upstream']);
          tally.byUpstream.set(name, (tally.byUpstream.get(name) ?? 0) + 1);
        } else tally.failed.push(`status ${res.status}: ${res.body}`);
      } catch (err) {
        tally.failed.push((err as Error).message);
      }
    }
  };
  const loops = Array.from({ length: LOOPS }, loop);
  return {
    tally,
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return tally;
    },
  };
}

describe('config hot reload under traffic', () => {
  let blue: Upstream;
  let green: Upstream;
  let gateway: GatewayProcess;

  beforeAll(async () => {
    blue = await startUpstream('blue');
    green = await startUpstream('green');
    gateway = await spawnGateway(configFor(blue));
  });

  afterAll(async () => {
    await gateway?.cleanup();
    await blue?.close();
    await green?.close();
  });

  const reloaded = (source: string, after: number) => (entry: LogEntry) =>
    entry.msg === 'config: reloaded' && entry.source === source && Number(entry.version) > after;

  it(`switches upstreams ${REWRITES} times, by file change and by SIGHUP, without failing a request`, {
    timeout: 90_000,
  }, async () => {
    const traffic = trafficLoops(gateway.url);
    try {
      let version = await configVersion(gateway);
      expect(version).toBe(1);
      for (let round = 1; round <= REWRITES; round++) {
        const target = round % 2 === 1 ? green : blue;
        gateway.writeConfig(configFor(target));
        // The first half is picked up by the file watcher; the second half is announced with SIGHUP
        // (the watcher sees those writes too, later: that reload is the same config again).
        const source = round <= REWRITES / 2 ? 'file-change' : 'SIGHUP';
        if (source === 'SIGHUP') gateway.child.kill('SIGHUP');
        const entry = await gateway.waitForLog(reloaded(source, version));
        version = Number(entry.version);
        await waitForUpstream(gateway, target);
        // Let requests flow on this config for a moment.
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      expect(await configVersion(gateway)).toBeGreaterThanOrEqual(REWRITES + 1);
      expect(gateway.lines.filter((line) => line.includes('refused'))).toEqual([]);
    } finally {
      const tally = await traffic.stop();
      console.log(
        `[reload] ${tally.ok} requests succeeded during ${REWRITES} reloads ` +
          `(blue ${tally.byUpstream.get('blue') ?? 0}, green ${tally.byUpstream.get('green') ?? 0}), ` +
          `${tally.failed.length} failed`,
      );
      expect(tally.failed).toEqual([]);
      expect(tally.byUpstream.get('blue')).toBeGreaterThan(0);
      expect(tally.byUpstream.get('green')).toBeGreaterThan(0);
    }
  });

  it('refuses an invalid file, lists its problems, and keeps serving the running config', async () => {
    const before = await settledVersion(gateway);
    const serving = (await send(`${gateway.url}/before`)).headers['x-upstream'];
    const from = gateway.lines.length;
    gateway.writeConfig(
      [
        'server:',
        '  bogus: 1',
        '  listeners: [{ host: 127.0.0.1, port: 0 }]',
        'sites:',
        '  - name: app',
        "    hosts: ['*']",
        '    upstream: { targets: ["ftp://nowhere"] }',
        '',
      ].join('\n'),
    );
    const refused = await gateway.waitForLog((entry) => String(entry.msg).includes('refused'), { from });
    expect(refused.level).toBe('error');
    const problems = refused.problems as string[];
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => p.includes('bogus'))).toBe(true);
    expect(problems.some((p) => p.startsWith('sites.0.upstream.targets.0'))).toBe(true);

    expect(await configVersion(gateway)).toBe(before);
    const res = await send(`${gateway.url}/after`);
    expect(res.status).toBe(200);
    expect(res.headers['x-upstream']).toBe(serving);
    const token = await firstAdmin(gateway.controlUrl, gateway.stderr);
    const metrics = await send(`${gateway.controlUrl}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(metrics.body).toMatch(/^infinisec_config_reloads_total\{result="refused"\} 1$/m);
    expect(metrics.body).toMatch(new RegExp(`^infinisec_config_version ${before}$`, 'm'));
  });
});
