#!/usr/bin/env node
// Guardian costs, in process (needs `npm run build` first):
// - an impact preview: the request sample replayed through the running and a proposed configuration, for
//   sample sizes up to guardian.samples.max's default (2,000). Samples are benign requests from
//   ../shared/corpus/csic2010-normal.jsonl with attacks from ../shared/corpus/crs.jsonl mixed in (1 in 10)
//   when that corpus is there, else generated browsing requests;
// - a backup of a SQLite database holding N events, its restore into an empty data dir with verification.
// usage: node bench/guardian/run.mjs [--events 200000] [--reps 5] [--json FILE]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const dist = (path) => import(join(ROOT, 'dist', path));
const { values: opt } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    reps: { type: 'string', default: '5' },
    json: { type: 'string' },
  },
});
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { loadConfigText } = await dist('config/index.js');
const { createReplayer } = await dist('gateway/index.js');
const { summarizeImpact } = await dist('guardian/index.js');
const { inspectorFor, openStores } = await dist('app/index.js');
const { createBackup, restoreBackup } = await dist('app/backup/index.js');

const SITE = 'sites:\n  - name: shop\n    hosts: ["*"]\n    upstream: { targets: ["http://127.0.0.1:9"] }\n';

function corpusSamples(max) {
  const dir = resolve(ROOT, '../shared/corpus');
  if (!existsSync(join(dir, 'csic2010-normal.jsonl'))) return undefined;
  const read = (name) =>
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  const benign = read('csic2010-normal.jsonl');
  const attacks = read('crs.jsonl').filter((r) => r.malicious);
  const out = [];
  for (let i = 0; out.length < max; i++) {
    const r = i % 10 === 9 ? attacks[i % attacks.length] : benign[i % benign.length];
    const body = r.body_b64 ?? (r.body === null ? null : Buffer.from(r.body).toString('base64'));
    out.push({
      id: `s${i}`,
      time: i,
      site: 'shop',
      ip: `198.51.100.${i % 250}`,
      method: r.method,
      target: r.target,
      host: 'localhost',
      headers: r.headers.map(([n, v]) => [n.toLowerCase(), v]),
      httpVersion: '1.1',
      protocol: 'http',
      body,
      action: 'allow',
    });
  }
  return out;
}

function generatedSamples(max) {
  const paths = ['/', '/products?page=2', '/search?q=red+shoes', '/cart', '/about', '/api/items?sort=price'];
  return Array.from({ length: max }, (_, i) => ({
    id: `s${i}`,
    time: i,
    site: 'shop',
    ip: `198.51.100.${i % 250}`,
    method: 'GET',
    target: i % 10 === 9 ? "/search?q=1'+union+select+password+from+users--" : paths[i % paths.length],
    host: 'localhost',
    headers: [
      ['host', 'localhost'],
      ['user-agent', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0'],
      ['accept', 'text/html'],
    ],
    httpVersion: '1.1',
    protocol: 'http',
    body: null,
    action: 'allow',
  }));
}

const results = { preview: [], backup: undefined };
const reps = Number(opt.reps);
const fromCorpus = corpusSamples(2000);
const all = fromCorpus ?? generatedSamples(2000);
log(
  `preview samples from ${fromCorpus ? '../shared/corpus' : 'generated requests (../shared/corpus is absent)'}`,
);
const running = loadConfigText(SITE, 'running');
const proposed = loadConfigText(`${SITE}inspect: { sensitivity: high }\n`, 'proposed');
for (const size of [200, 1000, 2000]) {
  const samples = all.slice(0, size);
  const times = [];
  let preview;
  for (let r = 0; r < reps; r++) {
    const started = performance.now();
    // As a change request does: both replayers built fresh, every sample judged twice.
    const before = createReplayer(running, inspectorFor(running), []);
    const after = createReplayer(proposed, inspectorFor(proposed), []);
    preview = summarizeImpact(
      samples.map((sample) => {
        const then = after(sample);
        return { sample, before: before(sample).action, after: then.action, reason: then.reason };
      }),
    );
    times.push(performance.now() - started);
  }
  results.preview.push({ samples: size, ms: median(times), changed: preview.changed });
}

// Backup and restore of a database with N events.
const events = Number(opt.events);
const dir = mkdtempSync(join(tmpdir(), 'infinisec-bench-backup-'));
try {
  const dataDir = join(dir, 'data');
  const config = loadConfigText(`${SITE}store: { dataDir: ${JSON.stringify(dataDir)} }\n`, 'bench');
  const stores = await openStores(config);
  const event = (i) => ({
    id: `e${i}`,
    time: 1_700_000_000_000 + i * 10,
    requestId: `r${i}`,
    site: 'shop',
    client: {
      ip: `203.0.113.${i % 250}`,
      prefix: `203.0.113.${i % 250}`,
      fingerprint: 'f',
      userAgent: 'bench',
    },
    request: { method: 'GET', host: 'localhost', path: `/p/${i % 500}`, bodyBytes: 0, headerBytes: 0 },
    verdict: { score: 0, findings: [], action: 'allow', reason: '', publicReason: '' },
    response: { status: 200, bytes: 1024, upstreamMs: 1, origin: 'upstream' },
    timings: { totalMs: 1.2, inspectMs: 0.1 },
  });
  for (let i = 0; i < events; i += 1000)
    await stores.events.append(Array.from({ length: Math.min(1000, events - i) }, (_, k) => event(i + k)));
  await stores.close();
  log(`${events} events written`);
  const file = join(dir, 'bench.backup');
  let started = performance.now();
  const created = await createBackup({ config, out: file, env: {} });
  const createMs = performance.now() - started;
  started = performance.now();
  const target = join(dir, 'restored');
  const restored = await restoreBackup({ file, config, dataDir: target, env: {} });
  const restoreMs = performance.now() - started;
  results.backup = {
    events,
    createMs: Math.round(createMs),
    bytes: created.bytes,
    restoreAndVerifyMs: Math.round(restoreMs),
    verified: restored.ok,
  };
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('## Impact preview (two replays per sample, fresh replayers)\n');
console.log('| samples | median ms | changed |\n| ---: | ---: | ---: |');
for (const p of results.preview) console.log(`| ${p.samples} | ${p.ms.toFixed(1)} | ${p.changed} |`);
const b = results.backup;
console.log(`\n## Backup of a SQLite database with ${b.events.toLocaleString('en-US')} events\n`);
console.log('| create ms | file bytes | restore + verify ms | verified |\n| ---: | ---: | ---: | :-: |');
console.log(
  `| ${b.createMs} | ${b.bytes.toLocaleString('en-US')} | ${b.restoreAndVerifyMs} | ${b.verified ? 'yes' : 'NO'} |`,
);
if (opt.json) writeFileSync(opt.json, JSON.stringify(results, null, 2));
