import { Agent, createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectorFor as defaultInspectorFor } from '../src/app/index.js';
import { registerResilienceMetrics } from '../src/app/metrics.js';
import { type Config, type ConfigInput, validateConfig } from '../src/config/index.js';
import { createEventBus, type Log, type Topics } from '../src/core/index.js';
import { createGateway, type Gateway } from '../src/gateway/index.js';
import type { Inspector } from '../src/inspect/index.js';
import { baseConfig, LOOPBACK_LISTENER } from './helpers/gateway-config.js';
import { startInProcess } from './helpers/gateway-in-process.js';
import { send } from './helpers/http-client.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

type Mode = 'ok' | 'fail' | 'drop';

/**
 * An upstream the test steers: `ok` answers 200 naming itself, `fail` answers 503, `drop` destroys the
 * connection without an answer. `/health` answers `healthStatus`. `down()` stops listening (connections are
 * refused) and `up()` listens again on the same port. Requests are counted by method (health probes apart).
 */
interface SteeredUpstream {
  readonly name: string;
  readonly url: string;
  mode: Mode;
  healthStatus: number;
  readonly methods: Map<string, number>;
  readonly healthProbes: number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

async function startSteered(name: string): Promise<SteeredUpstream> {
  const sockets = new Set<Socket>();
  let probes = 0;
  const steered = {
    name,
    url: '',
    mode: 'ok' as Mode,
    healthStatus: 200,
    methods: new Map<string, number>(),
    get healthProbes() {
      return probes;
    },
  };
  const server: Server = createServer({ keepAliveTimeout: 10_000 }, (req, res) => {
    if (req.url === '/health') {
      probes++;
      req.resume();
      res.writeHead(steered.healthStatus, { 'content-length': 0 });
      res.end();
      return;
    }
    const method = req.method ?? '';
    steered.methods.set(method, (steered.methods.get(method) ?? 0) + 1);
    if (steered.mode === 'drop') {
      req.socket.destroy();
      return;
    }
    const ok = steered.mode === 'ok';
    req.resume();
    req.once('end', () => {
      res.writeHead(ok ? 200 : 503, { 'x-upstream': name, 'content-type': 'text/plain' });
      res.end(ok ? `hello from ${name}` : 'failing');
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    });
  await listen();
  port = (server.address() as AddressInfo).port;
  steered.url = `http://127.0.0.1:${port}`;
  let listening = true;
  return Object.assign(steered, {
    async down() {
      if (listening) await stop();
      listening = false;
    },
    async up() {
      if (!listening) await listen();
      listening = true;
    },
    async close() {
      if (listening) await stop();
      listening = false;
    },
  });
}

/** A log that keeps the warnings it is given. */
function recordingLog() {
  const warnings: { fields: Record<string, unknown>; message: string }[] = [];
  const log: Log = {
    error() {},
    warn: (fields, message) => void warnings.push({ fields: fields as Record<string, unknown>, message }),
    info() {},
    debug() {},
  };
  return { log, warnings };
}

interface RunningGateway {
  readonly gateway: Gateway;
  readonly url: string;
  readonly metrics: () => Promise<string>;
}

/** Creates the gateway in this process, where the test can read its state; no control plane or stores. */
async function startGateway(
  input: ConfigInput,
  deps: { inspectorFor?: (config: Config) => Inspector; log?: Log } = {},
): Promise<RunningGateway> {
  const validation = validateConfig(input);
  if (!validation.ok) throw new Error(validation.problems.join('\n'));
  const gateway = createGateway(validation.config, {
    bus: createEventBus<Topics>(),
    inspectorFor: deps.inspectorFor ?? defaultInspectorFor,
    log: deps.log ?? recordingLog().log,
  });
  const [address] = await gateway.start();
  const registry = new Registry();
  registerResilienceMetrics(registry, () => gateway.resilience());
  return { gateway, url: address!.url, metrics: () => registry.metrics() };
}

type UpstreamInput = NonNullable<ConfigInput['sites']>[number]['upstream'];

/** One site for any Host on `upstream`, the listener on a free loopback port, and nothing else. */
function siteConfig(upstream: UpstreamInput, extra: Partial<ConfigInput> = {}): ConfigInput {
  return {
    server: { listeners: [LOOPBACK_LISTENER] },
    sites: [{ name: 'app', hosts: ['*'], upstream }],
    logging: { level: 'silent', access: 'none' },
    store: { driver: 'memory' },
    ...extra,
  };
}

function targetState(gateway: Gateway, url: string) {
  const state = gateway.resilience().targets.find((target) => target.origin === url);
  if (state === undefined) throw new Error(`no state for ${url}`);
  return state;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('upstream resilience', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('loses no request under steady load when one of two targets dies', { timeout: 30_000 }, async () => {
    const a: Upstream = await startUpstream('a');
    const b: Upstream = await startUpstream('b');
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    const config = baseConfig(a.url);
    const gateway = await startInProcess({
      ...config,
      sites: [{ name: 'app', hosts: ['*'], upstream: { targets: [a.url, b.url] } }],
    });
    cleanups.push(() => gateway.stop());

    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    cleanups.push(async () => agent.destroy());
    const LIMIT = 4000;
    const deadline = Date.now() + 3000;
    const failed: string[] = [];
    const byUpstream = new Map<string, number>();
    let sent = 0;
    let afterKill = 0;
    let killed: Promise<void> | undefined;
    const loop = async () => {
      while (sent < LIMIT && Date.now() < deadline) {
        const i = sent++;
        // A quarter through (by count or time), target a dies: its server closes and its sockets go.
        if (killed === undefined && (i >= LIMIT / 4 || Date.now() > deadline - 2250)) killed = a.close();
        const wasKilled = killed !== undefined;
        try {
          const res = await send(`${gateway.url}/load/${i}`, { agent });
          if (res.status !== 200) failed.push(`${i}: ${res.status} ${res.body}`);
          else {
            const name = String(res.headers['x-upstream']);
            byUpstream.set(name, (byUpstream.get(name) ?? 0) + 1);
            if (wasKilled) afterKill++;
          }
        } catch (err) {
          failed.push(`${i}: ${(err as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, loop));
    await killed;
    console.log(
      `[resilience] ${sent} GETs, a ${byUpstream.get('a') ?? 0}, b ${byUpstream.get('b') ?? 0}, ` +
        `${afterKill} after a died, ${failed.length} failed`,
    );
    expect(failed).toEqual([]);
    expect(killed).toBeDefined();
    expect(byUpstream.get('a')).toBeGreaterThan(0);
    expect(afterKill).toBeGreaterThan(100);
    expect(byUpstream.get('b')).toBeGreaterThan(afterKill - 1);
  });

  for (const failure of ['503 answers', 'refused connections'] as const) {
    it(`opens the breaker of a flapping target on ${failure}, serves the fallback page, closes on recovery`, {
      timeout: 30_000,
    }, async () => {
      const flappy = await startSteered('flappy');
      cleanups.push(() => flappy.close());
      const { gateway, url, metrics } = await startGateway(
        siteConfig({
          targets: [flappy.url],
          breaker: { consecutiveFailures: 3, openMs: 400 },
          retry: { backoffMs: 1, maxBackoffMs: 2 },
          fallback: { status: 503, html: '<h1>Back soon</h1>' },
        }),
      );
      cleanups.push(() => gateway.stop());

      const ok = await send(`${url}/page`);
      expect(ok.status).toBe(200);
      expect(ok.body).toBe('hello from flappy');
      expect(targetState(gateway, flappy.url).breaker).toBe('closed');

      if (failure === '503 answers') flappy.mode = 'fail';
      else await flappy.down();
      const seen: string[] = [];
      let fallback: Awaited<ReturnType<typeof send>> | undefined;
      for (let i = 0; i < 20 && fallback === undefined; i++) {
        const res = await send(`${url}/page`);
        if (res.body === '<h1>Back soon</h1>') fallback = res;
        else seen.push(`${res.status} ${res.body}`);
      }
      expect(fallback?.status).toBe(503);
      expect(fallback?.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(Number(fallback?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(fallback?.headers['x-request-id']).toBeTruthy();
      // Before the breaker opened, the failing target's own 503s went through; refused tries never reach
      // the client as a bare 502, they end in the fallback page.
      if (failure === '503 answers') expect(seen).toEqual(['503 failing', '503 failing', '503 failing']);
      else expect(seen).toEqual([]);
      const open = targetState(gateway, flappy.url);
      expect(['open', 'half-open']).toContain(open.breaker);
      expect(open.opened).toBeGreaterThanOrEqual(1);
      expect(gateway.resilience().fallbacks).toBeGreaterThanOrEqual(1);
      expect(await metrics()).toMatch(
        new RegExp(`^infinisec_upstream_breaker_opened_total\\{target="${flappy.url}"\\} [1-9]`, 'm'),
      );

      // The target recovers: requests get the fallback page until a probe finds it well, then its answers.
      if (failure === '503 answers') flappy.mode = 'ok';
      else await flappy.up();
      const meanwhile = new Set<string>();
      let recovered = false;
      for (let i = 0; i < 200 && !recovered; i++) {
        const res = await send(`${url}/page`);
        if (res.status === 200 && res.body === 'hello from flappy') recovered = true;
        else meanwhile.add(`${res.status} ${res.body}`);
        if (!recovered) await pause(25);
      }
      expect(recovered).toBe(true);
      // Only the fallback page while the breaker was open; a failed probe (the target not quite back) would
      // have shown as one of the target's 503s, which the 503 variant allows.
      for (const answer of meanwhile)
        expect(['503 <h1>Back soon</h1>', ...(failure === '503 answers' ? ['503 failing'] : [])]).toContain(
          answer,
        );
      expect(targetState(gateway, flappy.url).breaker).toBe('closed');
      const text = await metrics();
      expect(text).toMatch(
        new RegExp(`^infinisec_upstream_breaker_state\\{target="${flappy.url}",state="closed"\\} 1$`, 'm'),
      );
      expect(text).toMatch(
        new RegExp(`^infinisec_upstream_breaker_state\\{target="${flappy.url}",state="open"\\} 0$`, 'm'),
      );
      expect(text).toMatch(/^infinisec_upstream_fallback_answers_total [1-9]\d*$/m);
    });
  }

  it('retries a GET on another target, and never repeats a POST', { timeout: 20_000 }, async () => {
    const dropper = await startSteered('dropper');
    dropper.mode = 'drop';
    const good = await startSteered('good');
    cleanups.push(
      () => dropper.close(),
      () => good.close(),
    );
    const { gateway, url, metrics } = await startGateway(
      siteConfig({
        targets: [dropper.url, good.url],
        // Both stay in rotation, so that every request has its even chance of meeting the dropper.
        breaker: { enabled: false },
        outlier: { consecutiveFailures: 0 },
        retry: { attempts: 3, backoffMs: 1, maxBackoffMs: 2 },
      }),
    );
    cleanups.push(() => gateway.stop());

    for (let i = 0; i < 6; i++) {
      const res = await send(`${url}/get/${i}`);
      expect(res.status).toBe(200);
      expect(res.headers['x-upstream']).toBe('good');
    }
    const droppedGets = dropper.methods.get('GET') ?? 0;
    expect(droppedGets).toBeGreaterThanOrEqual(1);
    expect(good.methods.get('GET')).toBe(6);
    expect(gateway.resilience().retries).toBe(droppedGets);
    expect(await metrics()).toMatch(new RegExp(`^infinisec_upstream_retries_total ${droppedGets}$`, 'm'));

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await send(`${url}/post/${i}`, { method: 'POST', body: `order=${i}` });
      statuses.push(res.status);
    }
    const refused = statuses.filter((status) => status === 502).length;
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((status) => status === 200).length + refused).toBe(6);
    // Each POST reached exactly one target, once.
    expect(dropper.methods.get('POST')).toBe(refused);
    expect(good.methods.get('POST')).toBe(6 - refused);
    expect(gateway.resilience().retries).toBe(droppedGets);
  });

  it('answers 503 at once over the concurrency cap, instead of queueing', { timeout: 20_000 }, async () => {
    const slow = await startUpstream('slow');
    cleanups.push(() => slow.close());
    const { gateway, url, metrics } = await startGateway(
      siteConfig({ targets: [slow.url], bulkhead: { maxConcurrent: 2, retryAfterSeconds: 3 } }),
    );
    cleanups.push(() => gateway.stop());

    const held = [send(`${url}/slow?ms=1500`), send(`${url}/slow?ms=1500`)];
    for (let i = 0; i < 200 && slow.seen.length < 2; i++) await pause(10);
    expect(slow.seen).toHaveLength(2);
    const over = await send(`${url}/slow?ms=1500`);
    expect(over.status).toBe(503);
    expect(over.headers['retry-after']).toBe('3');
    // Refused by the gateway: the upstream never saw it.
    expect(slow.seen).toHaveLength(2);
    expect(gateway.resilience().bulkheadRejections).toBe(1);
    expect(await metrics()).toMatch(/^infinisec_upstream_bulkhead_rejections_total 1$/m);
    expect((await Promise.all(held)).map((res) => res.status)).toEqual([200, 200]);
    // Places are given back as requests end.
    expect((await send(`${url}/after`)).status).toBe(200);
    expect(gateway.resilience().bulkheadRejections).toBe(1);
  });

  it('takes a target out while its health checks fail, and back when they pass', {
    timeout: 20_000,
  }, async () => {
    const sick = await startSteered('sick');
    const well = await startSteered('well');
    cleanups.push(
      () => sick.close(),
      () => well.close(),
    );
    const { gateway, url } = await startGateway(
      siteConfig({
        targets: [sick.url, well.url],
        healthCheck: {
          enabled: true,
          path: '/health',
          intervalMs: 100,
          timeoutMs: 1000,
          healthyThreshold: 2,
          unhealthyThreshold: 2,
        },
      }),
    );
    cleanups.push(() => gateway.stop());

    sick.healthStatus = 500;
    for (let i = 0; i < 100 && targetState(gateway, sick.url).healthy; i++) await pause(20);
    expect(targetState(gateway, sick.url).healthy).toBe(false);
    const before = sick.methods.get('GET') ?? 0;
    for (let i = 0; i < 8; i++) expect((await send(`${url}/x`)).headers['x-upstream']).toBe('well');
    expect(sick.methods.get('GET') ?? 0).toBe(before);

    sick.healthStatus = 200;
    for (let i = 0; i < 100 && !targetState(gateway, sick.url).healthy; i++) await pause(20);
    expect(targetState(gateway, sick.url).healthy).toBe(true);
    const names = new Set<string>();
    for (let i = 0; i < 8; i++) names.add(String((await send(`${url}/x`)).headers['x-upstream']));
    expect(names).toEqual(new Set(['sick', 'well']));
    expect(well.healthProbes).toBeGreaterThan(0);
  });

  describe('when inspection fails', () => {
    const crashing: Inspector = {
      analyzers: ['crashing'],
      inspect() {
        throw new Error('analyzer crashed');
      },
      inspectRest() {
        throw new Error('analyzer crashed');
      },
    };

    for (const failMode of ['open', 'closed'] as const) {
      it(`fail mode ${failMode}: ${failMode === 'open' ? 'forwards uninspected' : 'answers 503'}`, async () => {
        const app = await startSteered('app');
        cleanups.push(() => app.close());
        const { log, warnings } = recordingLog();
        const { gateway, url, metrics } = await startGateway(
          siteConfig({ targets: [app.url] }, { inspect: { failMode } }),
          { inspectorFor: () => crashing, log },
        );
        cleanups.push(() => gateway.stop());

        const get = await send(`${url}/page?q=1`);
        // A body is read before it is inspected: the phase's other path.
        const post = await send(`${url}/form`, { method: 'POST', body: 'name=x' });
        if (failMode === 'open') {
          expect([get.status, post.status]).toEqual([200, 200]);
          expect(get.body).toBe('hello from app');
          expect(app.methods.get('GET')).toBe(1);
          expect(app.methods.get('POST')).toBe(1);
        } else {
          expect([get.status, post.status]).toEqual([503, 503]);
          expect(get.body).not.toContain('analyzer');
          expect(app.methods.size).toBe(0);
        }
        expect(gateway.resilience().inspectionFailures).toEqual({
          open: failMode === 'open' ? 2 : 0,
          closed: failMode === 'closed' ? 2 : 0,
        });
        expect(await metrics()).toMatch(
          new RegExp(`^infinisec_inspect_failures_total\\{fail_mode="${failMode}"\\} 2$`, 'm'),
        );
        const logged = warnings.filter((w) => w.message.startsWith('gateway: inspection failed'));
        expect(logged).toHaveLength(2);
        expect(logged.every((w) => w.fields.failMode === failMode)).toBe(true);
        expect(String((logged[0]!.fields.err as Error).message)).toBe('analyzer crashed');
      });
    }
  });
});
