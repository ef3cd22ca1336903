#!/usr/bin/env node
// Tarpit benchmark: infinisec (as its own process, `bin/infinisec.js start`) holds N maze responses open at
// once, each dripping a few bytes per second, while normal requests keep flowing through it. Reports the
// gateway's resident memory with N held (budget: 10,000 under 256 MB) and the latency of normal requests
// meanwhile, against the same requests with nothing held. Traffic goes to 127.0.0.1 only; the run is bounded.
// Needs `npm run build` first. Usage: node bench/labyrinth/tarpit.mjs [--connections 10000] [--hold-s 20]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONNECTIONS = arg('connections', 10_000);
const HOLD_S = arg('hold-s', 20);
const PROBES = 200;
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

const upstream = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2 });
  res.end('ok');
});
upstream.listen(0, '127.0.0.1');
await once(upstream, 'listening');

const dir = mkdtempSync(join(tmpdir(), 'infinisec-tarpit-'));
const config = {
  server: { listeners: [{ host: '127.0.0.1', port: 0 }] },
  sites: [
    { name: 'app', hosts: ['*'], upstream: { targets: [`http://127.0.0.1:${upstream.address().port}`] } },
  ],
  control: { host: '127.0.0.1', port: 0 },
  logging: { level: 'warn', access: 'none' },
  store: { driver: 'memory' },
  labyrinth: {
    enabled: true,
    secret: 'bench-secret-0123456789abcdef',
    trapLinks: { enabled: true, prefix: '/library/' },
    tarpit: {
      enabled: true,
      bytesPerInterval: 16,
      intervalMs: 1000,
      maxConnections: CONNECTIONS,
      maxHoldMs: (HOLD_S + 60) * 1000,
    },
  },
};
writeFileSync(join(dir, 'infinisec.yaml'), JSON.stringify(config));
const gateway = spawn(
  process.execPath,
  [join(ROOT, 'bin/infinisec.js'), 'start', '--config', join(dir, 'infinisec.yaml')],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INFINISEC_'))),
  },
);
let out = '';
const port = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('infinisec did not start in 20 s')), 20_000);
  gateway.stdout.on('data', (chunk) => {
    out += chunk;
    const m = out.match(/gateway listening on http:\/\/127\.0\.0\.1:(\d+)/);
    if (m) {
      clearTimeout(timer);
      resolve(Number(m[1]));
    }
  });
  gateway.once('exit', (code) => reject(new Error(`infinisec exited with ${code}`)));
});
log(`infinisec on port ${port}, pid ${gateway.pid}`);

const rssMb = () => {
  const status = readFileSync(`/proc/${gateway.pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024;
};

function normalRequest() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(
      { host: '127.0.0.1', port, path: '/', agent: false, headers: { 'user-agent': 'bench' } },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
        );
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('normal request timed out')));
    req.on('error', reject);
    req.end();
  });
}

async function latency() {
  const times = [];
  for (let i = 0; i < PROBES; i++) {
    const r = await normalRequest();
    if (r.status !== 200) throw new Error(`normal request got ${r.status}`);
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(PROBES * 0.5)], p99: times[Math.floor(PROBES * 0.99)] };
}

const idleRss = rssMb();
const idle = await latency();
log(`idle: rss ${idleRss.toFixed(0)} MB, p50 ${idle.p50.toFixed(2)} ms`);

const sockets = [];
let firstBytes = 0;
for (let i = 0; i < CONNECTIONS; i++) {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  socket.on('error', () => {});
  socket.once('data', () => firstBytes++);
  socket.write(`GET /library/page-${i} HTTP/1.1\r\nHost: bench\r\nUser-Agent: crawler-${i % 97}\r\n\r\n`);
  sockets.push(socket);
  if (i % 500 === 499) await new Promise((r) => setTimeout(r, 20));
}
const deadline = Date.now() + 30_000;
while (firstBytes < CONNECTIONS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
log(`${firstBytes} of ${CONNECTIONS} held connections have their first bytes`);
await new Promise((r) => setTimeout(r, Math.min(HOLD_S, 10) * 1000));
const heldRss = rssMb();
if (process.env.TARPIT_BENCH_METRICS) {
  const m = out.match(/control listening on (http:\/\/\S+)/);
  const text = await (await fetch(`${m[1]}/metrics`)).text();
  log(
    text
      .split('\n')
      .filter((l) =>
        /^nodejs_(heap_size_used|heap_size_total|external_memory)_bytes|^process_resident/.test(l),
      )
      .join('\n'),
  );
}
const held = await latency();
const stillOpen = sockets.filter((s) => !s.destroyed).length;

for (const s of sockets) s.destroy();
gateway.kill('SIGTERM');
await once(gateway, 'exit');
upstream.close();
rmSync(dir, { recursive: true, force: true });

const budgetOk = heldRss <= 256;
console.log(`| measure | value | budget |
| --- | ---: | ---: |
| held connections (open at the measure) | ${stillOpen} of ${CONNECTIONS} | 10,000 |
| gateway RSS idle | ${idleRss.toFixed(0)} MB | - |
| gateway RSS with all held | ${heldRss.toFixed(0)} MB | ≤ 256 MB ${budgetOk ? '✓' : '✗'} |
| normal GET, nothing held: p50 / p99 | ${idle.p50.toFixed(2)} / ${idle.p99.toFixed(2)} ms | - |
| normal GET, all held: p50 / p99 | ${held.p50.toFixed(2)} / ${held.p99.toFixed(2)} ms | answered |

${CONNECTIONS} connections, ${PROBES} sequential normal requests per measure; ${process.version}`);
process.exit(budgetOk && stillOpen === CONNECTIONS ? 0 : 1);
