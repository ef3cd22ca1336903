// The servers of the benchmark, each started pinned to the server CPUs: the demo app, the bare proxy, infinisec.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess } from './processes.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));

// startDemo, startBare and startInfinisec take `pin` (from pinning()) and resolve to { proc, url, pids }:
// pids() are the processes whose CPU time is the setup's own.

/** The commit of the infinisec being measured, `+changes` when src/ differs from it. */
export function gitDescribe() {
  const git = (...args) => spawnSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD');
  if (!head) return 'unknown';
  return git('status', '--porcelain', '--', 'src') ? `${head}+changes` : head;
}

/** The environment for infinisec: without INFINISEC_* variables, so that nothing overrides the bench config. */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INFINISEC_')));
}

export async function startDemo(pin) {
  const p = await startProcess({
    name: 'demo-upstream',
    cmd: process.execPath,
    args: [join(HERE, 'demo-upstream.mjs')],
    cpus: pin.serverCpus,
    ready: /demo-upstream: listening on (http:\/\/\S+)/,
  });
  return { proc: p, url: p.match[1], pids: () => [p.pid] };
}

export async function startBare(pin, upstream) {
  const p = await startProcess({
    name: 'bare-proxy',
    cmd: process.execPath,
    args: [join(HERE, 'bare-proxy.mjs'), '--upstream', upstream],
    cpus: pin.serverCpus,
    ready: /bare-proxy: listening on (http:\/\/\S+)/,
  });
  return { proc: p, url: p.match[1], pids: () => [p.pid] };
}

/** node --cpu-prof for infinisec when asked (--cpu-prof DIR): one .cpuprofile per section, written at its stop. */
let profileDir;

/** Profiles every infinisec started from now on into `dir`. */
export function profileInto(dir) {
  profileDir = dir;
}

const profileArgs = (name) =>
  profileDir
    ? [
        '--cpu-prof',
        '--cpu-prof-dir',
        profileDir,
        '--cpu-prof-name',
        `infinisec-${name}-${process.pid}.cpuprofile`,
      ]
    : [];

export async function startInfinisec(pin, upstream, dir, name) {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `# infinisec for bench/proxy: full pipeline (every phase, inspect on, blocking), access log off.
server:
  listeners: [{ host: 127.0.0.1, port: 0 }]
sites:
  - name: bench
    hosts: ['*']
    upstream: { targets: ['${upstream}'] }
inspect: { enabled: true, mode: block }
control: { enabled: true, host: 127.0.0.1, port: 0 }
logging: { level: info, access: none }
# The agents run, but the responder takes no decision: it would rightly challenge a load generator.
brain: { agents: { respond: false } }
# A data dir of the run's own: nothing carried over from another run (or from the user's gateway).
store: { dataDir: '${join(dir, `${name}-data`)}' }
`,
  );
  const p = await startProcess({
    name: `infinisec (${name})`,
    cmd: process.execPath,
    args: [...profileArgs(name), join(ROOT, 'bin/infinisec.js'), 'start', '--config', file],
    cpus: pin.serverCpus,
    env: cleanEnv(),
    ready: /infinisec: gateway listening on (https?:\/\/\S+)/,
  });
  return { proc: p, url: p.match[1].replace('//localhost:', '//127.0.0.1:'), pids: () => [p.pid] };
}
