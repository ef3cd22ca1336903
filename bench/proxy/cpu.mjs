// CPU accounting from /proc (Linux; elsewhere every figure is undefined): the CPU time a setup's own processes
// spend per request, and how busy the server CPUs were with processes that are not part of the benchmark.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICK_US = 1e6 / (Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100);

/** utime + stime of a process, in µs; undefined when it cannot be read. */
function processUs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return undefined;
  }
}

/** A process and its direct children (nginx: master and workers). */
export function withChildren(pid) {
  try {
    const kids = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
    return [pid, ...kids];
  } catch {
    return [pid];
  }
}

/** CPU indices of a taskset list such as `0`, `0,2` or `0-1`. */
export function cpuList(list) {
  return String(list)
    .split(',')
    .filter(Boolean)
    .flatMap((part) => {
      const [a, b = a] = part.split('-').map(Number);
      return Array.from({ length: b - a + 1 }, (_, i) => a + i);
    });
}

/** Time the CPUs spent running any process (user + nice + system; interrupts are nobody's), in µs. */
function busyUs(cpus) {
  try {
    let sum = 0;
    for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
      const m = /^cpu(\d+) (\d+) (\d+) (\d+)/.exec(line);
      if (m && cpus.includes(Number(m[1]))) sum += (Number(m[2]) + Number(m[3]) + Number(m[4])) * TICK_US;
    }
    return sum;
  } catch {
    return undefined;
  }
}

const total = (pids) => {
  let sum = 0;
  for (const pid of pids) {
    const us = processUs(pid);
    if (us === undefined) return undefined;
    sum += us;
  }
  return sum;
};

/** CPU time of this process plus its children that have exited (the load generator, once a run is over), in µs. */
function selfAndReapedUs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_US;
  } catch {
    return undefined;
  }
}

const share = (busyDelta, oursDelta, seconds, cpus) =>
  busyDelta === undefined || oursDelta === undefined || Number.isNaN(busyDelta) || Number.isNaN(oursDelta)
    ? undefined
    : Math.max(0, (100 * (busyDelta - oursDelta)) / (seconds * 1e6 * cpus.length));

/**
 * Starts measuring one run: `own` are the measured setup's processes, `servers` every benchmark server, pinned
 * to `serverCpus`; the load generator is pinned to `loadgenCpus` (both undefined when nothing is pinned: then
 * the other load is not measured). The returned function ends it, given the requests served; call it after
 * the load generator has exited. The other load is the busy time of those CPUs not spent by our processes.
 */
export function cpuMeter({ own, servers, serverCpus, loadgenCpus }) {
  const snap = () => ({
    own: total(own),
    servers: total(servers),
    serverBusy: serverCpus && busyUs(serverCpus),
    loadgen: selfAndReapedUs(),
    loadgenBusy: loadgenCpus && busyUs(loadgenCpus),
    at: performance.now(),
  });
  const start = snap();
  return (requests) => {
    const end = snap();
    const d = (k) => (end[k] === undefined || start[k] === undefined ? undefined : end[k] - start[k]);
    const seconds = (end.at - start.at) / 1000;
    return {
      cpuUsPerRequest: d('own') !== undefined && requests > 0 ? d('own') / requests : undefined,
      otherCpuPct: serverCpus && share(d('serverBusy'), d('servers'), seconds, serverCpus),
      otherLoadgenCpuPct: loadgenCpus && share(d('loadgenBusy'), d('loadgen'), seconds, loadgenCpus),
    };
  };
}
