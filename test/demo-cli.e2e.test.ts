import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type Demo, playWave, startDemo, type WaveReport } from '../src/app/demo-wave/index.js';
import { waveConfig } from '../src/app/demo-wave/wave-config.js';
import { assertBuilt, childEnv, ROOT } from './helpers/gateway-process.js';
import { runBin } from './helpers/run-bin.js';
import { makeTempDir } from './helpers/temp-dir.js';

const TWO_MINUTES = 120_000;
const STEPS = ['shopper', 'sql-injection', 'scanner', 'canary-replay', 'credential-stuffer'];

/** A port free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('infinisec demo', () => {
  let cwd: ReturnType<typeof makeTempDir>;

  beforeAll(() => {
    // An empty folder: no infinisec.yaml of the repository may be read by accident.
    cwd = makeTempDir();
  });

  afterAll(() => cwd?.remove());

  it(
    'plays the whole wave, every step as expected, well under two minutes, and cleans up',
    async () => {
      const started = Date.now();
      const run = await runBin(['demo'], cwd.path, TWO_MINUTES);
      const elapsed = Date.now() - started;
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(elapsed).toBeLessThan(TWO_MINUTES);
      for (let n = 1; n <= STEPS.length; n++) expect(run.stdout).toMatch(new RegExp(`^ {2}✓ ${n}\\. `, 'm'));
      expect(run.stdout).not.toContain('✗');
      expect(run.stdout).toContain(`✓ ${STEPS.length} of ${STEPS.length} steps as expected`);
      // What the gateway did, request by request.
      expect(run.stdout).toMatch(
        /scanner +127\.0\.0\.4 +GET \/\.env +maze page, \d{3} \(detector\/scanner\)/,
      );
      expect(run.stdout).toMatch(/partner +127\.0\.0\.5 +.+blocked, 403 \(canary\/used\)/);
      expect(run.stdout).toMatch(/stuffer +127\.0\.0\.6 +POST \/login ×\d+ +challenge page, 403/);
      const dataDir = /^ {2}data {7}(\S+) \(temporary\)$/m.exec(run.stdout)?.[1];
      expect(dataDir).toBeDefined();
      expect(existsSync(dataDir!)).toBe(false);
    },
    TWO_MINUTES + 10_000,
  );

  it(
    'prints the report as JSON, with the canary traced from another address to the scanner',
    async () => {
      const run = await runBin(['demo', '--json'], cwd.path, TWO_MINUTES);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as WaveReport;
      expect(report.ok).toBe(true);
      expect(report.steps.map((s) => [s.id, s.ok])).toEqual(STEPS.map((id) => [id, true]));
      expect(report.gateway).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const replay = report.steps.find((s) => s.id === 'canary-replay')!;
      const scanner = report.steps.find((s) => s.id === 'scanner')!;
      const intruder = scanner.entries.find((e) => e.reason === 'detector/scanner');
      expect(intruder?.address).toBe('127.0.0.4');
      const used = replay.entries.find((e) => e.reason === 'canary/used' && e.actor === 'partner');
      expect(used).toMatchObject({ address: '127.0.0.5', status: 403, action: 'block' });
      expect(replay.entries.some((e) => e.actor === 'gateway' && /intruder [0-9a-f]{8}/.test(e.answer))).toBe(
        true,
      );
      expect(existsSync(report.dataDir)).toBe(false);
    },
    TWO_MINUTES + 10_000,
  );

  it(
    'with --keep and --port, keeps serving the gateway and the dashboard until Ctrl-C, then stops cleanly',
    async () => {
      assertBuilt();
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin', 'infinisec.js'), 'demo', '--keep', '--port', String(port)],
        {
          cwd: cwd.path,
          env: childEnv(),
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (t: string) => {
        stdout += t;
      });
      child.stderr.setEncoding('utf8').on('data', (t: string) => {
        stderr += t;
      });
      const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
      try {
        const deadline = Date.now() + TWO_MINUTES;
        while (!stdout.includes('Dashboard: ') && Date.now() < deadline && child.exitCode === null)
          await new Promise((r) => setTimeout(r, 50));
        const dashboard = /Dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1];
        expect(dashboard).toBeDefined();
        expect(stdout).toContain(`gateway    http://127.0.0.1:${port} `);
        expect(stderr).toMatch(new RegExp(`${dashboard}/#/setup/\\S+`));
        expect((await fetch(`${dashboard}/healthz`)).status).toBe(200);
        const shop = await fetch(`http://127.0.0.1:${port}/products`);
        expect(shop.status).toBe(200);
        child.kill('SIGINT');
        expect(await exited).toBe(0);
        const dataDir = /^ {2}data {7}(\S+) \(temporary\)$/m.exec(stdout)?.[1];
        expect(existsSync(dataDir!)).toBe(false);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
    TWO_MINUTES + 10_000,
  );

  it('refuses a port that is not one, as a usage error', async () => {
    const run = await runBin(['demo', '--port', 'eighty'], cwd.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port');
  });
});

describe('the wave against a gateway without the labyrinth', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let demo: Demo;
  let report: WaveReport;

  beforeAll(async () => {
    dir = makeTempDir();
    demo = await startDemo({ dataDir: dir.path, env: {} });
    // The same settings with the maze switched off: the steps that need it must say they did not get it.
    const config = waveConfig({ port: 0, dataDir: dir.path });
    writeFileSync(
      demo.configFile,
      stringify({ ...config, labyrinth: { ...config.labyrinth, enabled: false } }),
    );
    expect(await demo.running.reload('test')).toBe(true);
    report = await playWave(demo);
  }, TWO_MINUTES);

  afterAll(async () => {
    await demo?.stop();
    dir?.remove();
  });

  it('reports the steps that did not get their outcome, and only those', () => {
    expect(report.ok).toBe(false);
    expect(report.steps.map((s) => [s.id, s.ok])).toEqual([
      ['shopper', true],
      ['sql-injection', true],
      ['scanner', false],
      ['canary-replay', false],
      ['credential-stuffer', true],
    ]);
    const sqli = report.steps.find((s) => s.id === 'sql-injection')!;
    expect(sqli.observed).toMatch(/^blocked \(403\) in /);
    expect(report.steps.find((s) => s.id === 'scanner')!.observed).toContain('not the labyrinth');
    expect(report.steps.find((s) => s.id === 'canary-replay')!.observed).toContain('nothing to use');
  });
});
