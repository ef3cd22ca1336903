import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { experimentHostProblems } from './experiment-hosts.js';
import { checkExperiment } from './experiment-schema.js';

const minimal = {
  name: 'api-errors',
  upstream: 'http://127.0.0.1:3000/',
  listen: '127.0.0.1:3100',
  duration: '30s',
  faults: [{ type: 'error', match: { routes: ['/api/*'] } }],
};

function problems(input: unknown): string[] {
  const check = checkExperiment(input);
  return check.ok ? [] : check.issues.map((i) => i.path.join('.'));
}

describe('checkExperiment', () => {
  it('fills in the defaults and names unnamed faults by type and position', () => {
    const check = checkExperiment(minimal);
    if (!check.ok) throw new Error(JSON.stringify(check.issues));
    expect(check.experiment).toMatchObject({
      upstream: 'http://127.0.0.1:3000',
      listen: { host: '127.0.0.1', port: 3100 },
      duration: 30_000,
      schedule: { delay: 0, times: 1 },
      steadyState: undefined,
    });
    expect(check.experiment.faults).toEqual([
      {
        name: 'error-1',
        type: 'error',
        options: { status: 503, body: 'Service Unavailable\n', contentType: 'text/plain; charset=utf-8' },
        match: { routes: ['/api/*'], percent: 100 },
        duration: undefined,
      },
    ]);
  });

  it('reports every problem at once, each at its path', () => {
    expect(
      problems({
        ...minimal,
        listen: 'anywhere',
        faults: [
          { type: 'latency', options: {} },
          { type: 'flood' },
          { type: 'drop', options: { count: 0 }, match: { percent: 120, routes: ['api'] } },
        ],
        steadyState: { probe: { url: 'http://127.0.0.1:8080', rate: 0 }, maxErrorPercent: 5 },
      }),
    ).toEqual([
      'listen',
      'faults.0.options.delay',
      'faults.1.type',
      'faults.2.options.count',
      'faults.2.match.routes.0',
      'faults.2.match.percent',
      'steadyState.probe.rate',
    ]);
  });

  it('checks the parts against each other once each part is valid', () => {
    expect(
      problems({
        ...minimal,
        duration: '10s',
        faults: [
          { type: 'error', name: 'same' },
          { type: 'error', name: 'same', duration: '6s' },
        ],
        schedule: { every: '5s', times: 3 },
        steadyState: { probe: { url: 'http://127.0.0.1:8080' }, window: '20s', maxP99: '1s' },
      }),
    ).toEqual(['faults.1.name', 'faults.1.duration', 'schedule', 'steadyState.window']);
  });

  it('caps the duration at one hour', () => {
    expect(problems({ ...minimal, duration: '61m' })).toEqual(['duration']);
  });
});

describe('experimentHostProblems', () => {
  it('names the upstream, listen address and probe URL that are not loopback', () => {
    const check = checkExperiment({
      ...minimal,
      upstream: 'http://10.1.2.3:3000',
      listen: '0.0.0.0:3100',
      steadyState: { probe: { url: 'http://gateway.internal:8080' }, maxErrorPercent: 1 },
    });
    if (!check.ok) throw new Error('valid');
    expect(experimentHostProblems(check.experiment, ['gateway.internal']).map((p) => p.path)).toEqual([
      'upstream',
      'listen',
    ]);
  });
});

describe('examples/chaos/upstream-latency.yaml', () => {
  it('is a valid experiment, on loopback only', () => {
    const text = readFileSync(
      new URL('../../../examples/chaos/upstream-latency.yaml', import.meta.url),
      'utf8',
    );
    const check = checkExperiment(YAML.parse(text));
    if (!check.ok) throw new Error(JSON.stringify(check.issues, null, 2));
    expect(check.experiment.name).toBe('upstream-latency');
    expect(check.experiment.faults.map((f) => f.type)).toEqual(['latency', 'bandwidth']);
    expect(experimentHostProblems(check.experiment, [])).toEqual([]);
  });
});
