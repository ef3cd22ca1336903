// Options of bench/proxy/run.mjs: flags, each with an environment twin.
import { parseArgs } from 'node:util';
import { PAYLOADS } from './load.mjs';

export const USAGE = `usage: node bench/proxy/run.mjs [options]      (or: npm run bench:proxy -- [options])

  --warmup S            warm-up seconds per cell, not measured     (env WARMUP, default 2)
  --duration S          seconds per measured run                   (env DURATION, default 8)
  --reps N              measured runs per cell; the median is shown (env REPS, default 3)
  --connections N       connections for the throughput runs        (env CONNS, default 64)
  --latency-duration S  seconds per single-connection run, 0 skips (env LAT_DURATION, default 5)
  --latency-reps N      single-connection runs per cell            (env LAT_REPS, default 3)
  --max-other-load PCT  repeat a run when other processes took more of our CPUs (env MAX_OTHER_LOAD, default 10)
  --retries N           at most this many repeats per run          (env RETRIES, default 2)
  --peers               also nginx and nginx + ModSecurity + CRS    (env PEERS=1)
  --no-demo             skip the demo-app section (e.g. with --peers)
  --loadgen TOOL        auto | wrk | autocannon                    (env LOADGEN, default auto: wrk if on PATH)
  --server-cpus LIST    CPUs for the servers, '' = no pinning      (env SERVER_CPUS, default 0)
  --loadgen-cpus LIST   CPUs for the load generator                (env LOADGEN_CPUS, default 1)
  --payloads LIST       which payloads: get,post4k                 (env PAYLOADS, default both)
  --json FILE           also write every run as JSON               (env JSON)
  --cpu-prof DIR        run infinisec under node --cpu-prof; read with cpu-profile-top.mjs
`;

/** The options of this run; exits after printing the usage for --help, throws on a bad value. */
export function options() {
  const { values: v } = parseArgs({
    options: {
      warmup: { type: 'string' },
      duration: { type: 'string' },
      reps: { type: 'string' },
      connections: { type: 'string' },
      'latency-duration': { type: 'string' },
      'latency-reps': { type: 'string' },
      'max-other-load': { type: 'string' },
      retries: { type: 'string' },
      peers: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      loadgen: { type: 'string' },
      'server-cpus': { type: 'string' },
      'loadgen-cpus': { type: 'string' },
      json: { type: 'string' },
      payloads: { type: 'string' },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const env = process.env;
  const num = (flag, envName, fallback, min) => {
    const raw = v[flag] ?? env[envName] ?? String(fallback);
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min)
      throw new Error(`--${flag} (${envName}): expected a number ≥ ${min}, got "${raw}"`);
    return n;
  };
  const known = PAYLOADS.map((p) => p.id);
  const unknownPayload = (v.payloads ?? env.PAYLOADS ?? '')
    .split(',')
    .find((id) => id && !known.includes(id));
  if (unknownPayload) throw new Error(`--payloads: "${unknownPayload}" is not one of ${known.join(', ')}`);
  const loadgen = v.loadgen ?? env.LOADGEN ?? 'auto';
  if (!['auto', 'wrk', 'autocannon'].includes(loadgen))
    throw new Error(`--loadgen: auto, wrk or autocannon, not "${loadgen}"`);
  return {
    warmupS: num('warmup', 'WARMUP', 2, 0),
    durationS: num('duration', 'DURATION', 8, 1),
    reps: Math.round(num('reps', 'REPS', 3, 1)),
    connections: Math.round(num('connections', 'CONNS', 64, 1)),
    latencyDurationS: num('latency-duration', 'LAT_DURATION', 5, 0),
    latencyReps: Math.round(num('latency-reps', 'LAT_REPS', 3, 1)),
    maxOtherLoad: num('max-other-load', 'MAX_OTHER_LOAD', 10, 0),
    retries: Math.round(num('retries', 'RETRIES', 2, 0)),
    peers: v.peers === true || ['1', 'true', 'yes'].includes(env.PEERS ?? ''),
    demo: v['no-demo'] !== true,
    loadgen,
    serverCpus: v['server-cpus'] ?? env.SERVER_CPUS ?? '0',
    loadgenCpus: v['loadgen-cpus'] ?? env.LOADGEN_CPUS ?? '1',
    json: v.json ?? env.JSON,
    cpuProf: v['cpu-prof'],
    payloads: (v.payloads ?? env.PAYLOADS ?? PAYLOADS.map((p) => p.id).join(',')).split(','),
  };
}
