import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../src/core/index.js';
import type { ChaosReport } from '../src/forge/chaos/index.js';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { ROOT } from './helpers/gateway-process.js';
import { runBin } from './helpers/run-bin.js';
import { makeTempDir } from './helpers/temp-dir.js';
import { closedPort, startUpstream, type Upstream } from './helpers/upstream.js';

/**
 * The real CLI runs experiments between a gateway (in this process) and its upstream: the gateway's upstream
 * target is the port the experiment's fault proxy listens on, as an operator would set it.
 */
describe('infinisec chaos', () => {
  const dir = makeTempDir();
  const dataDir = join(dir.path, 'data');
  const config = join(dir.path, 'infinisec.yaml');
  let upstream: Upstream;
  let gateway: InProcessGateway | undefined;
  let n = 0;

  beforeAll(async () => {
    writeFileSync(config, JSON.stringify({ store: { driver: 'sqlite', dataDir } }));
    upstream = await startUpstream('app');
  });

  afterEach(async () => {
    await gateway?.stop();
    gateway = undefined;
  });

  afterAll(async () => {
    await upstream?.close();
    dir.remove();
  });

  // A gateway of its own for each experiment: one that saw an upstream fail may keep its breaker open a while.
  async function gatewayBehindProxy(): Promise<{ gateway: InProcessGateway; proxyPort: number }> {
    const proxyPort = await closedPort();
    gateway = await startInProcess(baseConfig(`http://127.0.0.1:${proxyPort}`));
    return { gateway, proxyPort };
  }

  function experimentFile(yaml: string): string {
    const file = join(dir.path, `experiment-${n++}.yaml`);
    writeFileSync(file, yaml);
    return file;
  }

  async function auditEntries(): Promise<AuditEntry[]> {
    const run = await runBin(['audit', 'export', '--config', config], dir.path);
    expect(run.code).toBe(0);
    return run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AuditEntry);
  }

  it('aborts an experiment whose steady state breaks, and records it', async () => {
    const { gateway, proxyPort } = await gatewayBehindProxy();
    const file = experimentFile(`
name: api-down
upstream: ${upstream.url}
listen: 127.0.0.1:${proxyPort}
duration: 30s
faults:
  - name: api-503
    type: error
    options: { status: 503, body: "maintenance\\n" }
    match: { routes: ['/api/*'] }
steadyState:
  probe:
    url: ${gateway.url}
    paths: [/api/products]
    rate: 20
    timeout: 2s
  window: 2s
  minSamples: 5
  maxErrorPercent: 5
`);
    const reportFile = join(dir.path, 'api-down.json');
    const before = (await auditEntries()).length;
    const run = await runBin(
      ['chaos', 'run', file, '--config', config, '--report', reportFile],
      dir.path,
      40_000,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/ABORTED, every fault lifted: error rate 100\.0% \(\d+ of \d+ probes\)/);
    expect(run.stdout).toContain(`report: ${reportFile}`);

    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ChaosReport;
    expect(report.outcome).toBe('aborted');
    expect(report.reason).toMatch(/^error rate 100\.0% \(\d+ of \d+ probes\) over the last 2s is above 5%$/);
    expect(report.elapsedMs).toBeLessThan(30_000);
    // The gateway passed the upstream's (the proxy's) 503 on to the probes.
    expect(Object.keys(report.steadyState!.window.outcomes)).toEqual(['503']);
    expect(report.steadyState!.window.requests).toBeGreaterThanOrEqual(5);
    expect(report.faults).toEqual([expect.objectContaining({ name: 'api-503', type: 'error' })]);
    expect(report.faults[0]!.injected).toBeGreaterThanOrEqual(5);
    expect(upstream.seen.filter((r) => r.url.startsWith('/api/'))).toEqual([]);

    const entries = (await auditEntries()).slice(before);
    expect(entries.map((e) => [e.action, e.target, e.outcome])).toEqual([
      ['chaos.started', 'api-down', 'success'],
      ['chaos.aborted', 'api-down', 'failure'],
    ]);
    expect(entries[0]!.details).toMatchObject({
      experiment: 'api-down',
      upstream: upstream.url,
      proxy: `http://127.0.0.1:${proxyPort}`,
      faults: [{ name: 'api-503', type: 'error', options: { status: 503 }, match: { routes: ['/api/*'] } }],
    });
    expect(entries[1]!.details).toMatchObject({
      result: 'aborted',
      reason: report.reason,
      injected: { 'api-503': report.faults[0]!.injected },
    });
    const verify = await runBin(['audit', 'verify', '--config', config], dir.path);
    expect(verify.code).toBe(0);
  });

  it('completes an experiment of mild latency whose steady state holds', async () => {
    const { gateway, proxyPort } = await gatewayBehindProxy();
    const file = experimentFile(`
name: mild-latency
upstream: ${upstream.url}
listen: 127.0.0.1:${proxyPort}
duration: 3s
seed: 11
faults:
  - type: latency
    options: { delay: 20ms }
    match: { routes: ['/api/*'], percent: 50 }
steadyState:
  probe:
    url: ${gateway.url}
    paths: [/api/products, /]
    rate: 20
  window: 1s
  minSamples: 5
  maxErrorPercent: 5
  maxP99: 2s
`);
    const before = (await auditEntries()).length;
    const run = await runBin(['chaos', 'run', file, '--config', config, '--quiet'], dir.path, 40_000);
    expect(run.stderr).toBe('');
    expect({ code: run.code, stdout: run.stdout }).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(/^experiment mild-latency: COMPLETED after /);

    // Without --report, the report lands under the data dir.
    const reports = readdirSync(join(dataDir, 'chaos')).filter((f) => f.startsWith('mild-latency-'));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^mild-latency-\d{8}T\d{6}Z\.json$/);
    expect(run.stdout).toContain(`report: ${join(dataDir, 'chaos', reports[0]!)}`);
    const report = JSON.parse(readFileSync(join(dataDir, 'chaos', reports[0]!), 'utf8')) as ChaosReport;
    expect(report.outcome).toBe('completed');
    expect(report.reason).toBeNull();
    const steady = report.steadyState!;
    expect(steady.overall.errors).toBe(0);
    expect(steady.overall.requests).toBeGreaterThanOrEqual(20);
    const injected = report.faults[0]!.injected;
    expect(injected).toBeGreaterThan(0);
    expect(injected).toBeLessThan(steady.overall.requests);
    // A delayed request is 20 ms late at least, so the slowest of the run is too.
    expect(Math.max(steady.overall.p99Ms, steady.window.p99Ms)).toBeGreaterThanOrEqual(19);

    const entries = (await auditEntries()).slice(before);
    expect(entries.map((e) => [e.action, e.target, e.outcome])).toEqual([
      ['chaos.started', 'mild-latency', 'success'],
      ['chaos.completed', 'mild-latency', 'success'],
    ]);
    expect(entries[1]!.details).toMatchObject({
      result: 'completed',
      reason: null,
      injected: { 'latency-1': injected },
    });
  });

  it('validates an experiment file, listing every problem with its path', async () => {
    const good = await runBin(
      ['chaos', 'validate', join(ROOT, 'examples', 'chaos', 'upstream-latency.yaml')],
      dir.path,
    );
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(
      /^experiment ok: upstream-latency, 2 faults \(slow-api: latency, throttled-images: bandwidth\)/,
    );

    const bad = experimentFile(`
name: bad name
upstream: ftp://127.0.0.1
listen: 127.0.0.1:3100
duration: 2h
faults:
  - type: latency
  - type: meteor
`);
    const run = await runBin(['chaos', 'validate', bad], dir.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('INFINISEC_ERR_CONFIG_INVALID');
    for (const line of [
      '  - name: must be letters, digits, - and _',
      '  - upstream: must be an http:// or https:// origin',
      '  - duration: must be between 1s and 60m; got 120m',
      '  - faults.0.options: required (object)',
      '  - faults.1.type: must be one of "latency", "error", "reset", "bandwidth", "timeout", "drop"',
    ])
      expect(run.stderr).toContain(line);
  });

  it('refuses a host that is not loopback unless --allow-host names it', async () => {
    const file = experimentFile(`
name: remote
upstream: http://192.0.2.7:3000
listen: 127.0.0.1:3100
duration: 10s
faults: [{ type: error, match: {} }]
`);
    const refused = await runBin(['chaos', 'run', file, '--config', config], dir.path);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'upstream: 192.0.2.7 is not a loopback address; name it with --allow-host 192.0.2.7 to reach it',
    );
    const allowed = await runBin(['chaos', 'validate', file, '--allow-host', '192.0.2.7'], dir.path);
    expect(allowed.code).toBe(0);
  });

  it('refuses to run with the memory store, which keeps no audit log', async () => {
    const proxyPort = await closedPort();
    const memory = join(dir.path, 'memory.yaml');
    writeFileSync(memory, JSON.stringify({ store: { driver: 'memory' } }));
    const file = experimentFile(`
name: unrecorded
upstream: ${upstream.url}
listen: 127.0.0.1:${proxyPort}
duration: 2s
faults: [{ type: error, match: {} }]
`);
    const run = await runBin(['chaos', 'run', file, '--config', memory], dir.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('store.driver is memory');
  });
});
