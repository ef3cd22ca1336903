#!/usr/bin/env node
// Event storage under load: the same fixed-rate load through infinisec with event storage off and on (SQLite,
// asynchronous batches), interleaved. Checks that every request's event reached the database (count matches)
// and compares the gateway's latency percentiles. Needs `npm run build` first. Traffic stays on 127.0.0.1.
// usage: node bench/control/event-load.mjs [--rate 5000] [--seconds 30] [--reps 2] [--connections 64] [--batch N]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { startProcess, stopAll, stopProcess } from '../proxy/processes.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: opt } = parseArgs({
  options: {
    rate: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '30' },
    reps: { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
    batch: { type: 'string', default: '' },
  },
});
const rate = Number(opt.rate);
const amount = rate * Number(opt.seconds);
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INFINISEC_')));

async function startGateway(upstream, dir, storage) {
  const dataDir = join(dir, `data-${storage}-${Date.now()}`);
  const file = join(dir, `${storage}.yaml`);
  writeFileSync(
    file,
    `server:
  listeners: [{ host: 127.0.0.1, port: 0 }]
sites:
  - name: bench
    hosts: ['*']
    upstream: { targets: ['${upstream}'] }
inspect: { enabled: true, mode: block }
store: { driver: sqlite, dataDir: '${dataDir}', events: { enabled: ${storage === 'on'}${opt.batch ? `, batchSize: ${opt.batch}` : ''} } }
control: { enabled: true, host: 127.0.0.1, port: 0 }
logging: { level: warn, access: none }
`,
  );
  const proc = await startProcess({
    name: `infinisec (storage ${storage})`,
    cmd: process.execPath,
    args: [join(ROOT, 'bin/infinisec.js'), 'start', '--config', file],
    env: cleanEnv(),
    ready: /infinisec: gateway listening on (https?:\/\/\S+)/,
  });
  return { proc, url: proc.match[1].replace('//localhost:', '//127.0.0.1:'), dataDir };
}

function load(url) {
  return new Promise((done, fail) => {
    autocannon(
      {
        url: `${url}/search?q=boots`,
        connections: Number(opt.connections),
        overallRate: rate,
        amount,
        headers: { 'user-agent': 'infinisec-bench', accept: 'application/json' },
      },
      (err, result) => (err ? fail(err) : done(result)),
    );
  });
}

function countEvents(dataDir) {
  const db = new Database(join(dataDir, 'infinisec.db'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) AS n FROM events').get().n;
  } finally {
    db.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'infinisec-bench-events-'));
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
    for (const storage of ['off', 'on']) {
      const gateway = await startGateway(upstreamUrl, dir, storage);
      log(`rep ${rep}, storage ${storage}: ${amount} requests at ${rate}/s`);
      const r = await load(gateway.url);
      // A clean stop writes what is still queued.
      await stopProcess(gateway.proc);
      const stored = storage === 'on' ? countEvents(gateway.dataDir) : null;
      rows.push({
        rep,
        storage,
        sent: r.requests.sent,
        answered: r.requests.total,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        stored,
      });
    }
  }
} finally {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `\n## Event storage under load: ${amount} requests at ${rate} req/s, ${opt.connections} connections\n`,
);
console.log('| rep | storage | answered | errors | non-2xx | req/s | p50 ms | p99 ms | events stored |');
console.log('| --- | --- | --: | --: | --: | --: | --: | --: | --: |');
for (const r of rows)
  console.log(
    `| ${r.rep} | ${r.storage} | ${r.answered} | ${r.errors} | ${r.non2xx} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.stored ?? '—'} |`,
  );
const p99 = (s) => median(rows.filter((r) => r.storage === s).map((r) => r.p99));
const off = p99('off');
const on = p99('on');
const lost = rows.filter((r) => r.storage === 'on' && r.stored !== r.answered);
console.log(
  `\nmedian p99: off ${off} ms, on ${on} ms (${off > 0 ? (((on - off) / off) * 100).toFixed(1) : '—'}%); ` +
    (lost.length === 0 ? 'every answered request has its event stored' : `${lost.length} run(s) lost events`),
);
