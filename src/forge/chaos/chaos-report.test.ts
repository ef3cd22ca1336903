import { describe, expect, it } from 'vitest';
import { type ChaosReport, formatChaosSummary } from './chaos-report.js';

const window = {
  windowMs: 5000,
  requests: 40,
  errors: 38,
  errorPercent: 95,
  p99Ms: 12,
  outcomes: { '503': 38, '200': 2 },
};

const report: ChaosReport = {
  name: 'api-errors',
  description: null,
  outcome: 'aborted',
  reason: 'error rate 95.0% (38 of 40 probes) over the last 5s is above 5%',
  startedAt: '2024-05-01T12:00:00.000Z',
  endedAt: '2024-05-01T12:00:02.500Z',
  plannedMs: 60_000,
  elapsedMs: 2500,
  proxy: { listen: '127.0.0.1:3100', upstream: 'http://127.0.0.1:3000', requests: 45, untouched: 5 },
  faults: [
    {
      name: 'api-down',
      type: 'error',
      options: { status: 503 },
      match: { percent: 100 },
      duration: null,
      injected: 40,
    },
  ],
  schedule: { delay: 0, times: 1 },
  timeline: [],
  steadyState: {
    hypothesis: { window: 5000, minSamples: 10, maxErrorPercent: 5, maxP99: undefined },
    probe: {
      url: 'http://127.0.0.1:8080',
      method: 'GET',
      paths: ['/api/x'],
      rate: 20,
      sent: 42,
      answered: 40,
      skipped: 0,
    },
    window,
    overall: window,
  },
};

describe('formatChaosSummary', () => {
  it('says how it ended and why, what each fault hit, and the figures', () => {
    expect(formatChaosSummary(report).split('\n')).toEqual([
      'experiment api-errors: ABORTED after 2.5s of 1m',
      '  reason: error rate 95.0% (38 of 40 probes) over the last 5s is above 5%',
      '  proxy 127.0.0.1:3100 → http://127.0.0.1:3000: 45 requests, 5 untouched',
      '  fault api-down (error): hit 40 requests',
      '  probe GET http://127.0.0.1:8080 at 20/s: 42 sent, 40 judged, 0 skipped',
      '  last window (5s): 40 probes, 38 errors (95.0%), p99 12ms [503×38 200×2]',
      '  whole run: 40 probes, 38 errors (95.0%), p99 12ms [503×38 200×2]',
      '',
    ]);
  });

  it('leaves out the probe lines when there is no hypothesis', () => {
    const text = formatChaosSummary({ ...report, outcome: 'completed', reason: null, steadyState: null });
    expect(text).not.toContain('probe');
    expect(text).not.toContain('reason');
    expect(text.startsWith('experiment api-errors: COMPLETED')).toBe(true);
  });
});
