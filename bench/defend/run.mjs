#!/usr/bin/env node
// Defend phase cost, in process, on one core: identify the client (address, prefix, fingerprint), look up decisions (a table of standing and
// run-time decisions), count the request in the rate limits and, once it is answered, in the behaviour
// scenarios — with N distinct clients already tracked (100,000 by default). Prints the median and p99 per
// request and the memory each tracked client costs (heap after a forced GC, tracked vs. empty).
// Needs `npm run build` first. Usage: node --expose-gc bench/defend/run.mjs [--clients 100000] [--json FILE]
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: { clients: { type: 'string', default: '100000' }, json: { type: 'string' } },
});
const CLIENTS = Number(values.clients);
const BUDGET_US = 10;
const defend = await import(pathToFileURL(join(root, 'dist', 'defend', 'index.js')).href);
if (typeof global.gc !== 'function') {
  console.error('bench/defend: run with node --expose-gc');
  process.exit(1);
}

const { set: trustedProxies } = defend.createAddressSet(['127.0.0.1']);
const identity = { trustedProxies, ipv6PrefixLength: 64 };
const rules = [
  {
    name: 'all',
    algorithm: 'sliding-window',
    key: 'prefix',
    limit: 600,
    windowMs: 60_000,
    paths: [],
    methods: [],
  },
  {
    name: 'login',
    algorithm: 'sliding-window',
    key: 'prefix',
    limit: 5,
    windowMs: 60_000,
    paths: ['/login'],
    methods: ['POST'],
  },
  {
    name: 'api',
    algorithm: 'token-bucket',
    key: 'apikey',
    limit: 100,
    windowMs: 1000,
    paths: ['/api/'],
    methods: [],
  },
];
const scenario = (name, over) => ({
  name,
  statuses: [],
  paths: [],
  methods: [],
  analyzers: [],
  key: 'prefix',
  distinctPaths: false,
  capacity: 30,
  leakMs: 2000,
  action: 'block',
  banMs: 600_000,
  growth: 2,
  maxBanMs: 604_800_000,
  ...over,
});
const scenarios = [
  scenario('scan-404', { statuses: [404] }),
  scenario('login-failures', {
    statuses: [401, 403],
    paths: ['/login'],
    methods: ['POST'],
    capacity: 5,
    leakMs: 60_000,
  }),
  scenario('enumeration', { distinctPaths: true, capacity: 200, leakMs: 500 }),
];

// What a browser sends, for the fingerprint.
const HEADERS = [
  'Host',
  'shop.example',
  'User-Agent',
  'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
  'Accept',
  'text/html,application/xhtml+xml',
  'Accept-Language',
  'en-GB,en;q=0.5',
  'Accept-Encoding',
  'gzip, deflate, br',
  'Connection',
  'keep-alive',
  'Cookie',
  'sid=abc123',
  'Upgrade-Insecure-Requests',
  '1',
];
// Client i: half IPv4, half IPv6 (one /64 each).
const address = (i) =>
  i % 2 === 0
    ? `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`
    : `2001:db8:${(i >> 16) & 0xffff}:${i & 0xffff}::1`;
const request = (i, k) => ({
  remoteAddress: '127.0.0.1',
  forwardedFor: address(i),
  userAgent: 'Mozilla/5.0',
  rawHeaders: HEADERS,
  method: k % 10 === 0 ? 'POST' : 'GET',
  path: k % 10 === 0 ? '/login' : k % 3 === 0 ? `/api/items/${k % 50}` : `/products/${k % 200}`,
  status: k % 7 === 0 ? 404 : 200,
});

function build(clients) {
  const decisions = defend.createDecisionTable([
    {
      id: 'c1',
      scope: 'cidr',
      value: '203.0.113.0/24',
      action: 'block',
      reason: 'r',
      source: 'manual',
      created: 0,
      expires: null,
      createdBy: 'b',
    },
    {
      id: 'c2',
      scope: 'ip',
      value: '198.51.100.7',
      action: 'allow',
      reason: 'r',
      source: 'manual',
      created: 0,
      expires: null,
      createdBy: 'b',
    },
  ]);
  const limiter = defend.createRateLimiter(rules, 200_000);
  const engine = defend.createScenarioEngine(scenarios, 200_000);
  const state = { decisions, limiter, engine };
  for (let i = 0; i < clients; i++) pass(state, request(i, i), 1_000_000 + i);
  return state;
}

function pass(state, r, now) {
  const client = defend.identifyClient(r, identity);
  const decision = state.decisions.match(client, now);
  if (decision !== undefined) return;
  const refusal = state.limiter.check({ method: r.method, path: r.path, client, apiKey: '' }, now);
  if (refusal !== undefined) return;
  state.engine.observe(
    { path: r.path, method: r.method, status: r.status, analyzers: [], ip: client.ip, prefix: client.prefix },
    now,
  );
}

global.gc();
const before = process.memoryUsage().heapUsed;
const state = build(CLIENTS);
global.gc();
const after = process.memoryUsage().heapUsed;
const perClient = (after - before) / CLIENTS;

// Timed: requests from tracked clients (and 1 in 10 new ones), one at a time.
const samples = new Float64Array(200_000);
let now = 2_000_000;
for (let k = 0; k < 20_000; k++) pass(state, request(k % CLIENTS, k), now++); // warm-up
for (let k = 0; k < samples.length; k++) {
  const i = k % 10 === 0 ? CLIENTS + k : (k * 7919) % CLIENTS;
  const r = request(i, k);
  const t0 = process.hrtime.bigint();
  pass(state, r, now++);
  samples[k] = Number(process.hrtime.bigint() - t0) / 1000;
}
samples.sort();
const median = samples[samples.length >> 1];
const p99 = samples[Math.floor(samples.length * 0.99)];
console.log(`| measure | value | budget |
| --- | ---: | ---: |
| defend per request: median | ${median.toFixed(2)} µs | ≤ ${BUDGET_US} µs |
| defend per request: p99 | ${p99.toFixed(2)} µs | - |
| memory per tracked client | ${(perClient / 1024).toFixed(2)} KB | - |
| keys tracked (rate limits + scenarios) | ${state.limiter.size + state.engine.size} | - |

${CLIENTS} clients tracked (half IPv4, half IPv6 /64s), 3 rate limits, 3 scenarios; identify + decisions +
rate limits + scenarios per request; ${process.version}`);
if (values.json)
  writeFileSync(
    values.json,
    JSON.stringify({ clients: CLIENTS, medianUs: median, p99Us: p99, bytesPerClient: perClient }),
  );
process.exit(median <= BUDGET_US ? 0 : 1);
