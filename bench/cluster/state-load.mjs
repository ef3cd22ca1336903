#!/usr/bin/env node
// One gateway with its defence state in memory versus in Redis (rate-limit counters counted in Redis on every
// request, decisions and keys shared there), the same closed-loop load on each, interleaved in one run. Both
// inspect every request and count it in one rate limit that never refuses (so every request costs a counter
// update); event storage is off on both, so that only the state differs. Needs `npm run build` first and a
// Redis server (INFINISEC_BENCH_REDIS_URL, default redis://127.0.0.1:6379). Traffic stays on 127.0.0.1.
// usage: node bench/cluster/state-load.mjs [--seconds 15] [--reps 2] [--connections 64]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { startProcess, stopAll, stopProcess } from '../proxy/processes.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const REDIS_URL = process.env.INFINISEC_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const { values: opt } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    reps: { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
  },
});
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INFINISEC_')));

async function startGateway(upstream, dir, state, prefix) {
  const file = join(dir, `${state}.yaml`);
  writeFileSync(
    file,
    `server:
  listeners: [{ host: 127.0.0.1, port: 0 }]
sites:
  - name: bench
    hosts: ['*']
    upstream: { targets: ['${upstream}'] }
inspect: { enabled: true, mode: block }
defend:
  rateLimits:
    - { name: every-request, algorithm: sliding-window, key: ip, limit: 1000000000, windowMs: 60000 }
store: { driver: memory, events: { enabled: false } }
${state === 'redis' ? `cluster: { redis: { url: '${REDIS_URL}', prefix: '${prefix}' } }` : ''}
control: { enabled: true, host: 127.0.0.1, port: 0 }
logging: { level: warn, access: none }
`,
  );
  const proc = await startProcess({
    name: `infinisec (state in ${state})`,
    cmd: process.execPath,
    args: [join(ROOT, 'bin/infinisec.js'), 'start', '--config', file],
    env: cleanEnv(),
    ready: /infinisec: gateway listening on (https?:\/\/\S+)/,
  });
  return { proc, url: proc.match[1].replace('//localhost:', '//127.0.0.1:') };
}

function load(url) {
  return new Promise((done, fail) => {
    autocannon(
      {
        url: `${url}/search?q=boots`,
        connections: Number(opt.connections),
        duration: Number(opt.seconds),
        headers: { 'user-agent': 'infinisec-bench', accept: 'application/json' },
      },
      (err, result) => (err ? fail(err) : done(result)),
    );
  });
}

const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
redis.on('error', () => {});
try {
  await redis.connect();
} catch (err) {
  log(`no Redis at ${REDIS_URL} (${err.message}): skipped`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'infinisec-bench-cluster-'));
const prefix = `infinisec-bench:${randomBytes(4).toString('hex')}:`;
const rows = [];
try {
  const upstream = await startProcess({
    name: 'demo upstream',
    cmd: process.execPath,
    args: [join(ROOT, 'bench/proxy/demo-upstream.mjs')],
    env: cleanEnv(),
    ready: /listening on (http:\/\/\S+)/,
  });
  const upstreamUrl = upstream.match[1].replace('//localhost:', '//127.0.0.1:');
  for (let rep = 1; rep <= Number(opt.reps); rep++) {
    for (const state of ['memory', 'redis']) {
      const gateway = await startGateway(upstreamUrl, dir, state, prefix);
      log(`rep ${rep}, state in ${state}: ${opt.seconds} s, ${opt.connections} connections`);
      const r = await load(gateway.url);
      await stopProcess(gateway.proc);
      rows.push({
        rep,
        state,
        answered: r.requests.total,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
      });
    }
  }
  // The counter the Redis runs shared: one key per client address and window.
  const counted = await redis.hget(`${prefix}rl:every-request:127.0.0.1`, 'c');
  log(`redis counter for 127.0.0.1 in the last window: ${counted ?? 'none'}`);
} finally {
  await stopAll();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `\n## One gateway, defence state in memory vs in Redis: ${opt.seconds} s × ${opt.reps}, ${opt.connections} connections\n`,
);
console.log('| rep | state | answered | errors | non-2xx | req/s | p50 ms | p99 ms |');
console.log('| --- | --- | --: | --: | --: | --: | --: | --: |');
for (const r of rows)
  console.log(
    `| ${r.rep} | ${r.state} | ${r.answered} | ${r.errors} | ${r.non2xx} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} |`,
  );
const rps = (s) => median(rows.filter((r) => r.state === s).map((r) => r.rps));
const memory = rps('memory');
const shared = rps('redis');
console.log(
  `\nmedian throughput: memory ${Math.round(memory)} req/s, Redis ${Math.round(shared)} req/s (${((shared / memory) * 100).toFixed(1)}% of memory)`,
);
