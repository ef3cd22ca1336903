import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, ROOT } from './helpers/gateway-process.js';
import { runBin } from './helpers/run-bin.js';
import { makeTempDir } from './helpers/temp-dir.js';

/** A file with six problems, in five sections. */
const BAD_CONFIG = `server:
  bogus: 1
  limits:
    maxBodyBytes: -5
sites:
  - name: "bad name"
    hosts: []
    upstream:
      targets: ["ftp://example.test"]
control:
  port: 99999
`;

const PROBLEMS = [
  'server: unknown option "bogus"',
  'server.limits.maxBodyBytes: ',
  'sites.0.name: ',
  'sites.0.hosts: ',
  'sites.0.upstream.targets.0: ',
  'control.port: ',
];

/** A Node stack frame, as an uncaught error would print it. */
const STACK_FRAME = /^\s+at .+[(:]\d+/m;

describe('the infinisec command', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let bad: string;
  let good: string;

  beforeAll(() => {
    // The commands run in an empty folder, so no infinisec.yaml of the repository is read by accident.
    dir = makeTempDir();
    bad = join(dir.path, 'bad.yaml');
    writeFileSync(bad, BAD_CONFIG);
    good = join(dir.path, 'good.yaml');
    writeFileSync(
      good,
      'sites: [{ name: app, hosts: ["*"], upstream: { targets: ["http://127.0.0.1:3000"] } }]\n',
    );
  });

  afterAll(() => dir?.remove());

  it.each([
    ['config validate', ['config', 'validate']],
    ['start', ['start']],
  ])('%s refuses an invalid config with every problem listed, exit status 2', async (_name, args) => {
    const run = await runBin([...args, '--config', bad], dir.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('6 problems');
    expect(run.stderr).toContain('[INFINISEC_ERR_CONFIG_INVALID]');
    for (const problem of PROBLEMS) expect(run.stderr).toContain(`  - ${problem}`);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stdout).not.toContain('listening');
  });

  it('config validate accepts a valid file, exit status 0', async () => {
    const run = await runBin(['config', 'validate', '--config', good], dir.path);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^config ok: 1 site/);
  });

  it('names the line and column of a YAML syntax error, exit status 2', async () => {
    const broken = join(dir.path, 'broken.yaml');
    writeFileSync(broken, 'sites: [\n  - name: app\n');
    const run = await runBin(['config', 'validate', '--config', broken], dir.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${broken}:`);
    expect(run.stderr).toContain('[INFINISEC_ERR_CONFIG_PARSE]');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('refuses a config file that does not exist, exit status 2', async () => {
    const run = await runBin(['start', '--config', join(dir.path, 'missing.yaml')], dir.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.yaml: no such file');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('ends quietly when the reader of its output goes away (`| head`)', async () => {
    // The pipe is closed before the command writes anything: every write then fails with EPIPE.
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'infinisec.js'), 'config', 'schema'], {
      cwd: dir.path,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(code).toBe(0);
  });

  it('--help lists the commands, exit status 0', async () => {
    const run = await runBin(['--help'], dir.path);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: infinisec <command>');
    expect(run.stdout).toMatch(/^\s+start\s/m);
    expect(run.stdout).toMatch(/^\s+config\s/m);
  });

  it('start --help shows the options of start, exit status 0', async () => {
    const run = await runBin(['start', '--help'], dir.path);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: infinisec start');
    expect(run.stdout).toContain('SIGHUP');
  });

  it('--version prints the package version, exit status 0', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await runBin(['--version'], dir.path);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('an unknown command is a usage error, exit status 2', async () => {
    const run = await runBin(['frobnicate'], dir.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(run.stdout).toBe('');
  });

  it('an unknown option is a usage error, exit status 2', async () => {
    const run = await runBin(['start', '--no-such-option'], dir.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[INFINISEC_ERR_CLI_USAGE]');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});
