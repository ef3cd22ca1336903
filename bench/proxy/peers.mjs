// The peer set of ../shared/bench/peers (nginx, nginx + ModSecurity + CRS PL1/PL2), when it exists here.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withChildren } from './cpu.mjs';
import { probe } from './probe.mjs';
import { runToEnd } from './processes.mjs';

/** Where up.sh and down.sh live; PEERS_DIR overrides it. */
export const PEERS_DIR = process.env.PEERS_DIR || '/work/shared/bench/peers';

/** The peer setups measured, with the ports up.sh gives them. */
export const PEER_TARGETS = Object.freeze(
  [
    { id: 'direct', instance: 'upstream', label: '(a) upstream direct (nginx `return 200`)', port: 18080 },
    { id: 'nginx', instance: 'proxy', label: '(b) nginx reverse proxy', port: 18081 },
    { id: 'modsec-pl1', instance: 'modsec-pl1', label: '(c) nginx + ModSecurity + CRS PL1', port: 18082 },
    { id: 'modsec-pl2', instance: 'modsec-pl2', label: '(d) nginx + ModSecurity + CRS PL2', port: 18083 },
  ].map(({ id, instance, label, port }) => ({
    id,
    label,
    url: `http://127.0.0.1:${port}`,
    pids: () => nginxPids(instance),
  })),
);

/** The master and worker pids of one nginx instance of the peer set (from up.sh's pid file). */
function nginxPids(instance) {
  const run = process.env.PEERS_RUN || '/tmp/infinisec-peers';
  try {
    return withChildren(Number(readFileSync(join(run, instance, 'nginx.pid'), 'utf8').trim()));
  } catch {
    return [];
  }
}

/** Why the peers cannot run here, or undefined when they can. */
export function peersMissing() {
  return existsSync(join(PEERS_DIR, 'up.sh')) ? undefined : `${join(PEERS_DIR, 'up.sh')} not found`;
}

async function allAnswer() {
  const answers = await Promise.all(
    PEER_TARGETS.map((t) =>
      probe(t.url, { method: 'GET', path: '/' }).then(
        (r) => r.status,
        () => 0,
      ),
    ),
  );
  return answers.every((s) => s === 200);
}

/**
 * Brings the peers up with up.sh, pinned to `cpus` ('' = unpinned). A set that already answers is reused
 * and left running (as perf.sh does); returns whether this run started it (and so must stop it).
 */
export async function peersUp(cpus, log) {
  if (await allAnswer()) {
    log('peers: already up; using them as they are and leaving them running');
    return false;
  }
  log(`peers: starting them with ${join(PEERS_DIR, 'up.sh')} (may install Debian packages on first use)`);
  const { code, stderr } = await runToEnd({
    cmd: join(PEERS_DIR, 'up.sh'),
    args: [],
    env: { PEERS_CPUS: cpus },
    onStderr: (chunk) => process.stderr.write(chunk),
  });
  if (code !== 0) throw new Error(`peers: up.sh failed (code ${code}): ${stderr.trim().slice(-800)}`);
  return true;
}

/** Stops the peers with down.sh; synchronous, so that it also runs while this process is being torn down. */
export function peersDown(log) {
  log('peers: stopping them with down.sh');
  spawnSync(join(PEERS_DIR, 'down.sh'), [], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 30_000 });
}
