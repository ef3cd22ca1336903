#!/usr/bin/env node
// Proxy benchmark: in one run, the same load against (1) the demo app directly, (2) a bare Node reverse proxy
// and (3) infinisec with its full pipeline (access log off); with --peers also nginx and nginx + ModSecurity +
// CRS against their own upstream. Prints markdown tables; see bench/README.md. Needs `npm run build` first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpuList, cpuMeter } from './cpu.mjs';
import { chooseTool, PAYLOADS, prepareWrk, runLoad } from './load.mjs';
import { PEER_TARGETS, peersDown, peersMissing, peersUp } from './peers.mjs';
import { probe } from './probe.mjs';
import { abortAll, pinning, startProcess, stopAll, stopProcess } from './processes.mjs';
import { compare, medianRun, sectionMarkdown } from './table.mjs';

const USAGE = `usage: node bench/proxy/run.mjs [options]      (or: npm run bench:proxy -- [options])

  --warmup S            warm-up seconds per cell, not measured     (env WARMUP, default 2)
  --duration S          seconds per measured run                   (env DURATION, default 8)
  --reps N              measured runs per cell; the median is shown (env REPS, default 3)
  --connections N       connections for the throughput runs        (env CONNS, default 64)
  --latency-duration S  seconds per single-connection run, 0 skips (env LAT_DURATION, default 5)
  --latency-reps N      single-connection runs per cell            (env LAT_REPS, default 3)
  --peers               also nginx and nginx + ModSecurity + CRS    (env PEERS=1)
  --no-demo             skip the demo-app section (e.g. with --peers)
  --loadgen TOOL        auto | wrk | autocannon                    (env LOADGEN, default auto: wrk if on PATH)
  --server-cpus LIST    CPUs for the servers, '' = no pinning      (env SERVER_CPUS, default 0)
  --loadgen-cpus LIST   CPUs for the load generator                (env LOADGEN_CPUS, default 1)
  --json FILE           also write every run as JSON               (env JSON)
`;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

function options() {
  const { values: v } = parseArgs({
    options: {
      warmup: { type: 'string' },
      duration: { type: 'string' },
      reps: { type: 'string' },
      connections: { type: 'string' },
      'latency-duration': { type: 'string' },
      'latency-reps': { type: 'string' },
      peers: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      loadgen: { type: 'string' },
      'server-cpus': { type: 'string' },
      'loadgen-cpus': { type: 'string' },
      json: { type: 'string' },
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
    if (!Number.isFinite(n) || n < min) throw new Error(`--${flag} (${envName}): expected a number ≥ ${min}, got "${raw}"`);
    return n;
  };
  const loadgen = v.loadgen ?? env.LOADGEN ?? 'auto';
  if (!['auto', 'wrk', 'autocannon'].includes(loadgen)) throw new Error(`--loadgen: auto, wrk or autocannon, not "${loadgen}"`);
  return {
    warmupS: num('warmup', 'WARMUP', 2, 0),
    durationS: num('duration', 'DURATION', 8, 1),
    reps: Math.round(num('reps', 'REPS', 3, 1)),
    connections: Math.round(num('connections', 'CONNS', 64, 1)),
    latencyDurationS: num('latency-duration', 'LAT_DURATION', 5, 0),
    latencyReps: Math.round(num('latency-reps', 'LAT_REPS', 3, 1)),
    peers: v.peers === true || ['1', 'true', 'yes'].includes(env.PEERS ?? ''),
    demo: v['no-demo'] !== true,
    loadgen,
    serverCpus: v['server-cpus'] ?? env.SERVER_CPUS ?? '0',
    loadgenCpus: v['loadgen-cpus'] ?? env.LOADGEN_CPUS ?? '1',
    json: v.json ?? env.JSON,
  };
}

/** The environment for infinisec: without INFINISEC_* variables, so that nothing overrides the bench config. */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INFINISEC_')));
}

async function startDemo(pin) {
  const p = await startProcess({
    name: 'demo-upstream',
    cmd: process.execPath,
    args: [join(HERE, 'demo-upstream.mjs')],
    cpus: pin.serverCpus,
    ready: /demo-upstream: listening on (http:\/\/\S+)/,
  });
  return { proc: p, url: p.match[1], pids: () => [p.pid] };
}

async function startBare(pin, upstream) {
  const p = await startProcess({
    name: 'bare-proxy',
    cmd: process.execPath,
    args: [join(HERE, 'bare-proxy.mjs'), '--upstream', upstream],
    cpus: pin.serverCpus,
    ready: /bare-proxy: listening on (http:\/\/\S+)/,
  });
  return { proc: p, url: p.match[1], pids: () => [p.pid] };
}

async function startInfinisec(pin, upstream, dir, name) {
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
`,
  );
  const p = await startProcess({
    name: `infinisec (${name})`,
    cmd: process.execPath,
    args: [join(ROOT, 'bin/infinisec.js'), 'start', '--config', file],
    cpus: pin.serverCpus,
    env: cleanEnv(),
    ready: /infinisec: gateway listening on (https?:\/\/\S+)/,
  });
  return { proc: p, url: p.match[1].replace('//localhost:', '//127.0.0.1:'), pids: () => [p.pid] };
}

/** Checks each setup answers each payload with 200 (and that infinisec is the one answering) before any load. */
async function check(section) {
  for (const t of section.targets) {
    for (const payload of PAYLOADS) {
      const r = await probe(t.url, payload);
      const where = `${t.label}, ${payload.label}`;
      if (r.status !== 200) throw new Error(`${where}: status ${r.status} instead of 200: ${r.body.slice(0, 200)}`);
      if (t.id === 'infinisec' && !r.headers['x-request-id']) throw new Error(`${where}: no x-request-id; is this infinisec?`);
      if (section.id === 'demo' && payload.body) {
        const echoed = JSON.parse(r.body).bodyLength;
        if (echoed !== payload.body.length) throw new Error(`${where}: the upstream got ${echoed} body bytes`);
      }
    }
  }
}

const describe = (r) =>
  `${Math.round(r.rps)} req/s, p50 ${(r.p50Us / 1000).toFixed(2)} ms, p99 ${(r.p99Us / 1000).toFixed(2)} ms` +
  (r.cpuUsPerRequest === undefined ? '' : `, ${r.cpuUsPerRequest.toFixed(1)} CPU µs/req`) +
  (r.otherCpuPct === undefined ? '' : `, other load ${r.otherCpuPct.toFixed(0)}%`) +
  (r.non2xx || r.errors ? `, non-2xx ${r.non2xx}, errors ${r.errors}` : '');

/**
 * Measures a section. Cells are interleaved (rep 1 of every setup, then rep 2, ...) so that drift in the
 * machine spreads over all setups instead of landing on one.
 */
async function measure(section, opts, tool, pin, dir) {
  await check(section);
  const serverCpus = pin.enabled ? cpuList(pin.serverCpus) : undefined;
  const load = async (t, payload, connections, durationS) => {
    const servers = section.targets.flatMap((s) => s.pids());
    const done = cpuMeter({ own: t.pids(), servers, cpus: serverCpus });
    const r = await runLoad(tool, { url: t.url, payload, connections, durationS, cpus: pin.loadgenCpus, dir });
    return { ...r, ...done(r.requests) };
  };
  for (const payload of PAYLOADS) {
    for (const t of section.targets) {
      const cell = { runs: [], median: undefined, latencyRuns: [], latency: undefined };
      (section.results[t.id] ??= {})[payload.id] = cell;
      if (opts.warmupS > 0) {
        log(`${section.id}: ${t.id} ${payload.id} warm-up ${opts.warmupS} s`);
        await load(t, payload, opts.connections, opts.warmupS);
      }
    }
    for (let rep = 1; rep <= opts.reps; rep++) {
      for (const t of section.targets) {
        const r = await load(t, payload, opts.connections, opts.durationS);
        section.results[t.id][payload.id].runs.push(r);
        log(`${section.id}: ${t.id} ${payload.id} run ${rep}/${opts.reps}: ${describe(r)}`);
      }
    }
    for (let rep = 1; opts.latencyDurationS > 0 && rep <= opts.latencyReps; rep++) {
      for (const t of section.targets) {
        const r = await load(t, payload, 1, opts.latencyDurationS);
        section.results[t.id][payload.id].latencyRuns.push(r);
        log(`${section.id}: ${t.id} ${payload.id} 1 connection ${rep}/${opts.latencyReps}: ${describe(r)}`);
      }
    }
    for (const t of section.targets) {
      const cell = section.results[t.id][payload.id];
      cell.median = medianRun(cell.runs, 'rps');
      if (cell.latencyRuns.length > 0) cell.latency = medianRun(cell.latencyRuns, 'p99Us');
    }
  }
}

async function main(opts, state) {
  const pin = pinning(opts.serverCpus, opts.loadgenCpus);
  const tool = chooseTool(opts.loadgen);
  state.dir = mkdtempSync(join(tmpdir(), 'infinisec-bench-'));
  if (tool.name === 'wrk') prepareWrk(state.dir);
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${availableParallelism()} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
    loadgen: tool.version,
    pinning: pin.note,
    options: opts,
  };
  log(`${meta.cpu}, Node ${meta.node}, ${meta.loadgen}; ${pin.note}`);
  const sections = [];

  if (opts.demo) {
    const demo = await startDemo(pin);
    const bare = await startBare(pin, demo.url);
    const gw = await startInfinisec(pin, demo.url, state.dir, 'demo');
    const section = {
      id: 'demo',
      title: 'Against the demo app (Node upstream: dist/forge/demo)',
      targets: [
        { id: 'direct', label: '(1) demo app, direct', url: demo.url, pids: demo.pids },
        { id: 'bare', label: '(2) bare Node proxy', url: bare.url, pids: bare.pids },
        { id: 'infinisec', label: '(3) infinisec, full pipeline', url: gw.url, pids: gw.pids },
      ],
      results: {},
    };
    await measure(section, opts, tool, pin, state.dir);
    sections.push(section);
    await Promise.all([gw, bare, demo].map((s) => stopProcess(s.proc)));
  }

  if (opts.peers) {
    const missing = peersMissing();
    if (missing) {
      log(`peers: skipped (${missing})`);
      meta.peers = `skipped: ${missing}`;
    } else {
      state.peersStarted = 'starting';
      state.peersStarted = await peersUp(pin.enabled ? pin.serverCpus : '', log);
      const upstream = PEER_TARGETS[0].url;
      const bare = await startBare(pin, upstream);
      const gw = await startInfinisec(pin, upstream, state.dir, 'peers');
      const section = {
        id: 'peers',
        title: 'Against the peer upstream (nginx `return 200` on 127.0.0.1:18080)',
        targets: [
          ...PEER_TARGETS,
          { id: 'bare', label: '(e) bare Node proxy', url: bare.url, pids: bare.pids },
          { id: 'infinisec', label: '(f) infinisec, full pipeline', url: gw.url, pids: gw.pids },
        ],
        results: {},
      };
      await measure(section, opts, tool, pin, state.dir);
      sections.push(section);
      await Promise.all([gw, bare].map((s) => stopProcess(s.proc)));
    }
  }

  const lines = [
    `infinisec proxy benchmark, ${meta.date.slice(0, 10)}: ${meta.cpu}, Node ${meta.node}, ${meta.loadgen}, loopback; ${pin.note}.`,
    `Headers on every request: Host localhost, a browser User-Agent, Accept, Accept-Language. POST body: ${PAYLOADS[1].body.length} bytes urlencoded form.`,
    '',
  ];
  if (meta.peers) lines.push(`Peers ${meta.peers}.`, '');
  for (const s of sections) lines.push(sectionMarkdown(s, PAYLOADS, opts), '');
  process.stdout.write(lines.join('\n'));

  if (opts.json) {
    const json = {
      ...meta,
      payloads: PAYLOADS.map(({ id, label, method, path, contentType, body }) => ({
        id, label, method, path, contentType, bodyBytes: body?.length ?? 0,
      })),
      sections: sections.map((s) => ({
        ...s,
        summary: Object.fromEntries(PAYLOADS.map((p) => [p.id, compare(s, p.id)])),
      })),
    };
    writeFileSync(opts.json, `${JSON.stringify(json, null, 2)}\n`);
    log(`wrote ${opts.json}`);
  }
}

const state = { dir: undefined, peersStarted: false };
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    abortAll();
    await stopAll();
    if (state.peersStarted) peersDown(log);
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, () => {
    log(`${signal}: stopping everything this run started`);
    void cleanup().then(() => process.exit(code));
  });
}

try {
  await main(options(), state);
} catch (err) {
  if (!cleaning) log(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
