import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type Config, loadConfigText } from '../../config/index.js';
import { createLadder, createScenarioEngine } from '../../defend/index.js';
import { demoConfig } from '../demo-config.js';
import { SCANNER_PROBES } from './steps/scanner-step.js';
import { waveConfig } from './wave-config.js';

// As the demo loads it: the demo mode's settings, the wave's file over them.
function load(port = 0): Config {
  const text = stringify(waveConfig({ port, dataDir: '/tmp/infinisec-demo-test' }));
  return loadConfigText(text, 'demo.yaml', { base: demoConfig('http://127.0.0.1:3000'), env: {} });
}

const STUFFER = { ip: '127.0.0.6', prefix: '127.0.0.6', path: '/login', method: 'POST', analyzers: [] };

describe('the wave configuration', () => {
  it('is valid over the demo mode, on loopback, with the port asked for', () => {
    const config = load(8181);
    expect(config.server.listeners).toEqual([{ host: '127.0.0.1', port: 8181 }]);
    expect(config.server.trustedProxies).toEqual([]);
    expect(config.control.port).toBe(0);
    expect(config.sites.map((s) => s.upstream.targets)).toEqual([['http://127.0.0.1:3000']]);
    expect(config.labyrinth.enabled).toBe(true);
    expect(config.labyrinth.canaries.action).toBe('block');
    expect(config.defend.rateLimits).toEqual([]);
    expect(config.defend.ladder.enabled).toBe(true);
    expect(config.store.dataDir).toBe('/tmp/infinisec-demo-test');
  });

  it('takes a credential stuffer from a challenge to a block, skipping the maze', () => {
    const { defend } = load();
    const scenarios = createScenarioEngine(defend.scenarios, 1000);
    const ladder = createLadder(defend.ladder, 1000);
    const rungs: string[] = [];
    let now = 1_000_000;
    // Five failed logins from the shop, then the challenge pages it keeps getting (403), a few seconds apart.
    for (const status of [401, 401, 401, 401, 401, 403, 403, 403, 403, 403]) {
      now += 1500;
      for (const overflow of scenarios.observe({ ...STUFFER, status }, now)) {
        const reached = ladder.signal(STUFFER.prefix, overflow.scenario.risk ?? 0, now);
        if (reached !== undefined) rungs.push(reached.step.action);
      }
    }
    expect(rungs).toEqual(['challenge', 'block']);
  });

  it('holds a scanner in the maze within the probes of the wave, and blocks it only later', () => {
    const { defend } = load();
    const ladder = createLadder(defend.ladder, 1000);
    const reachedAt: Record<string, number> = {};
    // Each probe is an attack (the scanner's user agent gives it away): one finding's risk, a fraction of a
    // second apart, fading a little in between.
    for (let probe = 1; probe <= 12; probe++) {
      const reached = ladder.signal('127.0.0.4', defend.ladder.findingRisk, 1_000_000 + probe * 200);
      if (reached !== undefined) reachedAt[reached.step.action] = probe;
    }
    expect(reachedAt.labyrinth).toBeLessThanOrEqual(SCANNER_PROBES.length);
    expect(reachedAt.block).toBeGreaterThan(SCANNER_PROBES.length);
  });

  it('blocks whoever uses a canary at once, on the ladder too', () => {
    const { defend } = load();
    const ladder = createLadder(defend.ladder, 1000);
    expect(ladder.signal('127.0.0.5', defend.ladder.canaryRisk, 1_000_000)?.step.action).toBe('block');
  });
});
