import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isInfinisecError } from '../../core/index.js';
import type { TimelineEvent } from './chaos-report.js';
import { startTestUpstream, type TestUpstream } from './chaos-upstream.testing.js';
import { checkExperiment, type Experiment } from './experiment-schema.js';
import { runExperiment } from './run-experiment.js';

function experiment(upstream: TestUpstream, fields: Record<string, unknown>): Experiment {
  const check = checkExperiment({
    name: 'unit',
    upstream: upstream.url,
    listen: '127.0.0.1:0',
    duration: '20s',
    ...fields,
  });
  if (!check.ok) throw new Error(JSON.stringify(check.issues));
  return check.experiment;
}

describe('runExperiment', () => {
  let upstream: TestUpstream | undefined;
  afterEach(async () => {
    await upstream?.close();
  });

  // A free port, so that the probe URL and the proxy's listen address can be written before the run.
  async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  async function setup(fields: (proxy: string) => Record<string, unknown>): Promise<Experiment> {
    upstream = await startTestUpstream();
    const port = await freePort();
    // The probes go straight to the proxy (no gateway in these tests).
    return experiment(upstream, { listen: `127.0.0.1:${port}`, ...fields(`http://127.0.0.1:${port}`) });
  }

  it('aborts at once when the error rate breaks the hypothesis, lifting the faults', async () => {
    const exp = await setup((proxy) => ({
      faults: [{ name: 'api-down', type: 'error', options: { status: 503 }, match: { routes: ['/api/*'] } }],
      steadyState: {
        probe: { url: proxy, paths: ['/api/products'], rate: 50, timeout: '2s' },
        window: '1s',
        minSamples: 5,
        maxErrorPercent: 5,
      },
    }));
    const events: TimelineEvent[] = [];
    const report = await runExperiment(exp, { onEvent: (e) => events.push(e) });
    expect(report.outcome).toBe('aborted');
    expect(report.reason).toMatch(/^error rate 100\.0% \(\d+ of \d+ probes\) over the last 1s is above 5%$/);
    expect(report.elapsedMs).toBeLessThan(exp.duration);
    expect(report.steadyState?.window).toMatchObject({ windowMs: 1000, errorPercent: 100 });
    expect(report.steadyState?.window.requests).toBeGreaterThanOrEqual(5);
    expect(report.steadyState?.window.outcomes).toEqual({ '503': report.steadyState?.window.requests });
    expect(report.faults[0]).toMatchObject({ name: 'api-down', type: 'error' });
    expect(report.faults[0]!.injected).toBeGreaterThanOrEqual(5);
    expect(upstream!.seen).toEqual([]);
    expect(events.map((e) => e.event)).toEqual(['armed', 'aborted']);
  });

  it('completes when the hypothesis holds under mild latency', async () => {
    const exp = await setup((proxy) => ({
      duration: '1500ms',
      faults: [{ type: 'latency', options: { delay: '20ms' }, match: { routes: ['/api/*'], percent: 50 } }],
      steadyState: {
        probe: { url: proxy, paths: ['/api/products', '/'], rate: 20 },
        window: '1s',
        minSamples: 5,
        maxErrorPercent: 5,
        maxP99: '5s',
      },
    }));
    const report = await runExperiment(exp);
    expect(report.outcome).toBe('completed');
    expect(report.reason).toBeNull();
    const steady = report.steadyState!;
    expect(steady.overall.errors).toBe(0);
    const injected = report.faults[0]!.injected;
    expect(injected).toBeGreaterThan(0);
    // Half the /api calls, and the / calls never.
    expect(injected).toBeLessThan(steady.probe.answered);
    expect(report.proxy.untouched).toBe(report.proxy.requests - injected);
  });

  it('arms and lifts faults on schedule, round by round', async () => {
    const exp = await setup(() => ({
      duration: '1400ms',
      faults: [{ name: 'blip', type: 'error', match: {}, duration: '200ms' }],
      schedule: { delay: '100ms', every: '1s', times: 2 },
    }));
    const report = await runExperiment(exp);
    expect(report.outcome).toBe('completed');
    expect(report.timeline.map((e) => `${e.event} ${e.fault ?? ''} ${e.round ?? ''}`.trim())).toEqual([
      'armed blip 1',
      'lifted blip 1',
      'armed blip 2',
      'lifted blip 2',
      'ended',
    ]);
    expect(report.steadyState).toBeNull();
  });

  it('aborts when interrupted, naming the signal', async () => {
    const exp = await setup(() => ({ faults: [{ type: 'timeout', match: {} }] }));
    const interrupt = new AbortController();
    const report = await runExperiment(exp, {
      signal: interrupt.signal,
      onStarted: async () => void setTimeout(() => interrupt.abort('SIGINT'), 50),
    });
    expect(report).toMatchObject({ outcome: 'aborted', reason: 'interrupted (SIGINT)' });
  });

  it('is inconclusive when the probes gather too few outcomes to judge', async () => {
    const exp = await setup((proxy) => ({
      duration: '1s',
      faults: [{ type: 'latency', options: { delay: 1 }, match: {} }],
      steadyState: { probe: { url: proxy, rate: 2 }, window: '1s', minSamples: 50, maxErrorPercent: 1 },
    }));
    const report = await runExperiment(exp);
    expect(report.outcome).toBe('inconclusive');
    expect(report.reason).toMatch(/fewer than minSamples \(50\)/);
  });

  it('refuses hosts that are not loopback unless allowed, before listening', async () => {
    upstream = await startTestUpstream();
    const exp = experiment(upstream, {
      faults: [{ type: 'error', match: {} }],
      steadyState: { probe: { url: 'http://192.0.2.10:8080' }, maxErrorPercent: 1 },
    });
    const error = await runExperiment(exp).catch((e) => e);
    expect(isInfinisecError(error, 'INFINISEC_ERR_CONFIG_INVALID')).toBe(true);
    expect(error.details).toEqual([
      'steadyState.probe.url: 192.0.2.10 is not a loopback address; name it with --allow-host 192.0.2.10 to reach it',
    ]);
  });

  it('closes the proxy and starts nothing when onStarted fails', async () => {
    const exp = await setup(() => ({ faults: [{ type: 'error', match: {} }] }));
    const failure = new Error('audit log unavailable');
    await expect(runExperiment(exp, { onStarted: () => Promise.reject(failure) })).rejects.toBe(failure);
    // The port is free again: a second run can listen on it.
    const report = await runExperiment({ ...exp, duration: 1000 });
    expect(report.outcome).toBe('completed');
  });
});
