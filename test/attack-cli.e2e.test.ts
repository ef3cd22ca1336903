import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackReport, attackReportSchema, SCENARIOS } from '../src/forge/attack/index.js';
import { jsonSchemaProblems } from '../src/forge/attack/json-schema-check.testing.js';
import { assertBuilt, childEnv, ROOT } from './helpers/gateway-process.js';
import { runBin } from './helpers/run-bin.js';
import { makeTempDir } from './helpers/temp-dir.js';

const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'docs', 'attack-report.schema.json'), 'utf8')) as Record<
  string,
  unknown
>;

// A tiny corpus in the format of docs/detection.md: two attacks and one ordinary request.
const CORPUS = [
  {
    id: 'c1',
    source: 'e2e',
    category: 'sqli',
    malicious: true,
    method: 'GET',
    target: '/search?q=1%27%20UNION%20SELECT%20password%20FROM%20users--',
    headers: [['User-Agent', 'Mozilla/5.0']],
    body: null,
    body_b64: null,
  },
  {
    id: 'c2',
    source: 'e2e',
    category: 'xss',
    malicious: true,
    method: 'POST',
    target: '/login',
    headers: [['Content-Type', 'application/x-www-form-urlencoded']],
    body: 'username=%3Cscript%3Ealert(1)%3C%2Fscript%3E&password=x',
    body_b64: null,
  },
  {
    id: 'c3',
    source: 'e2e',
    category: 'benign',
    malicious: false,
    method: 'GET',
    target: '/products?sort=price',
    headers: [
      ['User-Agent', 'Mozilla/5.0'],
      ['Accept', 'text/html'],
    ],
    body: null,
    body_b64: null,
  },
];

/** `infinisec start --demo` on free ports, in its own folder. */
async function startDemo(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const config = join(dir, 'infinisec.yaml');
  writeFileSync(
    config,
    JSON.stringify({
      server: { listeners: [{ host: '127.0.0.1', port: 0 }] },
      control: { port: 0 },
      store: { dataDir: join(dir, 'data') },
      logging: { level: 'warn', access: 'none' },
    }),
  );
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'infinisec.js'), 'start', '--demo', '--config', config],
    {
      cwd: dir,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (t: string) => {
    stderr += t;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start: ${stderr}`)), 15_000);
    child.once('exit', () => reject(new Error(`the demo exited: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /gateway listening on (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { child, url };
}

describe('infinisec attack against infinisec start --demo', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let demo: { child: ChildProcess; url: string } | undefined;

  beforeAll(async () => {
    assertBuilt();
    dir = makeTempDir();
    demo = await startDemo(dir.path);
  });

  afterAll(async () => {
    if (demo && demo.child.exitCode === null) {
      demo.child.kill('SIGKILL');
      await new Promise((resolve) => demo!.child.once('exit', resolve));
    }
    dir?.remove();
  });

  it('answers every scenario, and the JSON report validates against docs/attack-report.schema.json', async () => {
    const json = join(dir.path, 'report.json');
    const html = join(dir.path, 'report.html');
    const run = await runBin(['attack', demo!.url, '--json', json, '--html', html], dir.path, 60_000);
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.code).toBe(0);

    const report = JSON.parse(readFileSync(json, 'utf8')) as AttackReport;
    expect(jsonSchemaProblems(SCHEMA, report)).toEqual([]);
    expect(attackReportSchema.safeParse(report).success).toBe(true);
    expect(report.clients).toBe('distinct');
    expect(report.scenarios.map((s) => s.name)).toEqual([...SCENARIOS.keys()]);
    const verdicts = Object.fromEntries(report.scenarios.map((s) => [s.name, s.verdict]));
    expect(verdicts).toEqual(Object.fromEntries([...SCENARIOS.keys()].map((n) => [n, 'answered'])));
    for (const s of report.scenarios) {
      expect(s.requests, s.name).toBeGreaterThan(0);
      expect(s.outcomes.error, `${s.name}: errors`).toBe(0);
    }
    const answers = (name: string) => report.scenarios.find((s) => s.name === name)!.outcomes;
    // What each defence of the demo answers with: the maze for attacks and for a crawler that takes a
    // trap link, the login and burst limits, the gateway's own refusals of slow and ambiguous requests.
    expect(answers('sqli').trapped).toBeGreaterThan(0);
    expect(answers('ai-crawler').trapped).toBeGreaterThan(0);
    // A stuffer meets the login limit or, when the brain's responder is faster, its challenge: either way no
    // more than the ten logins a person may get wrong go through.
    const stuffing = answers('credential-stuffing');
    expect(stuffing.passed, JSON.stringify(stuffing)).toBeLessThanOrEqual(10);
    expect(
      stuffing.rateLimited + stuffing.challenged + stuffing.blocked,
      JSON.stringify(stuffing),
    ).toBeGreaterThanOrEqual(30);
    expect(answers('flood').rateLimited).toBeGreaterThan(0);
    expect(answers('slowloris').blocked).toBe(10);
    expect(answers('smuggling').blocked).toBe(12);
    expect(report.baseline).toBeNull();

    // The table on stdout: a row per scenario and the score.
    for (const name of SCENARIOS.keys()) expect(run.stdout).toMatch(new RegExp(`^${name}\\s+\\d+`, 'm'));
    expect(run.stdout).toContain(`resilience score ${report.score}/100`);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<!doctype html>');
    expect(page).not.toMatch(/<script/i);
    // The report is kept beside --json, to compare the next run with.
    expect(JSON.parse(readFileSync(join(dir.path, 'attack-last.json'), 'utf8'))).toEqual(report);
  }, 90_000);

  it('replays a corpus beside the scenarios named, and compares with the last report', async () => {
    const corpus = join(dir.path, 'tiny.jsonl');
    writeFileSync(corpus, `${CORPUS.map((c) => JSON.stringify(c)).join('\n')}\n`);
    const json = join(dir.path, 'report.json');
    const run = await runBin(
      ['attack', demo!.url, '-s', 'sqli', '--corpus', corpus, '--json', json, '--max-requests', '50'],
      dir.path,
      30_000,
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as AttackReport;
    expect(jsonSchemaProblems(SCHEMA, report)).toEqual([]);
    expect(report.totals.requests).toBe(43);
    expect(report.limits.maxRequests).toBe(50);
    const byName = Object.fromEntries(report.scenarios.map((s) => [s.name, s]));
    expect(Object.keys(byName)).toEqual(['sqli', 'corpus:benign', 'corpus:sqli', 'corpus:xss']);
    expect(byName['corpus:sqli']?.verdict).toBe('answered');
    expect(byName['corpus:xss']?.verdict).toBe('answered');
    // The legitimate case is not stopped by any defence. (On a machine loaded by other tests its answer may
    // come after the attack tool's 5 s timeout, which the report counts as answered: that is not a defence.)
    const benign = byName['corpus:benign']!;
    const { blocked, challenged, trapped, rateLimited } = benign.outcomes;
    expect(benign.expect).toBe('pass');
    expect(blocked + challenged + trapped + rateLimited, JSON.stringify(benign.outcomes)).toBe(0);
    if (benign.outcomes.timeout === 0)
      expect(benign).toMatchObject({ verdict: 'passed-through', score: 100 });
    expect(report.baseline).not.toBeNull();
    expect(typeof byName.sqli?.delta).toBe('number');
    expect(run.stdout).toMatch(/resilience score \d+\/100 \([+-]?\d+ since /);
  }, 40_000);

  it('stops at once, exit status 1, when nothing answers at the URL', async () => {
    const closed = new URL(demo!.url);
    closed.port = String(Number(closed.port) === 1 ? 2 : 1);
    const run = await runBin(['attack', closed.origin], dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${closed.origin}: ECONNREFUSED`);
    expect(run.stdout).toBe('');
  });

  it('refuses a target that is not loopback unless --allow-host names it', async () => {
    const run = await runBin(['attack', 'http://192.0.2.10:8080/', '--max-seconds', '5'], dir.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('refusing to attack 192.0.2.10');
    expect(run.stderr).toContain('--allow-host 192.0.2.10');
    expect(run.stdout).toBe('');
    expect(existsSync(join(dir.path, '.infinisec', 'attack-last.json'))).toBe(false);
  });
});
