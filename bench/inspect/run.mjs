#!/usr/bin/env node
// Inspection cost per request, on one core: median and p99 over benign requests under 2 KB, the
// throughput over the whole corpus mix (attacks included), and the cost of each analyzer case-table input
// placed in a query value. Judged as the gateway judges: analysis stops once the verdict is reached.
// Uses the compiled engine (npm run build).
//
//   node bench/inspect/run.mjs [--corpus FILE.jsonl ...] [--rounds N] [--json FILE]
//
// Without --corpus it reads ../shared/corpus/*.jsonl when that folder exists, else the small sample
// bundled under test/fixtures/corpus/. Budget (DESIGN.md): median <= 20 us, p99 <= 200 us per benign
// request under 2 KB; >= 30,000 requests/s over the corpus mix.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    rounds: { type: 'string', default: '5' },
    json: { type: 'string' },
  },
});

const dist = join(root, 'dist', 'inspect', 'index.js');
if (!existsSync(dist)) {
  console.error('bench/inspect: run `npm run build` first');
  process.exit(1);
}
const { createDefaultInspector, buildRequestView, judgeInspection, THRESHOLDS } = await import(dist);
const { caseToRequest } = await import(join(root, 'dist', 'forge', 'scan', 'index.js'));

function corpusFiles() {
  if (values.corpus) return values.corpus;
  const shared = join(root, '..', 'shared', 'corpus');
  const dir = existsSync(shared) ? shared : join(root, 'test', 'fixtures', 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(dir, f));
}

const files = corpusFiles();
const cases = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line)),
);
const views = cases.map((c, i) => ({ c, view: buildRequestView(caseToRequest(c, String(i))) }));
const size = ({ view }) =>
  view.target.length +
  (view.body?.length ?? 0) +
  view.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
const benign = views.filter((v) => !v.c.malicious && size(v) < 2048);

const inspector = createDefaultInspector({
  limits: { maxBodyBytes: 65536, maxArgs: 512, maxDepth: 32 },
  budgetMs: 20,
});
const policy = {
  sensitivity: 'balanced',
  mode: 'block',
  overLimit: 'inspect-prefix',
  overBudget: 'findings-so-far',
};
// As the gateway does: analysis stops once the verdict is reached.
const options = { decisiveScore: THRESHOLDS[policy.sensitivity] };
const judge = (view) => judgeInspection(inspector.inspect(view, options), policy);

// Warm up the JIT on the whole mix before measuring.
for (let i = 0; i < 3; i++) for (const { view } of views) judge(view);

const rounds = Number(values.rounds);
const samples = [];
for (let r = 0; r < rounds; r++) {
  for (const { view } of benign) {
    const t = process.hrtime.bigint();
    judge(view);
    samples.push(Number(process.hrtime.bigint() - t) / 1000);
  }
}
samples.sort((a, b) => a - b);
const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];

// The analyzers' case tables (the ones the unit tests and the fuzz target use): each input as a query
// value, as the engine meets it in a request.
const analyzersDir = join(root, 'dist', 'inspect', 'analyzers');
const tableInputs = [];
for (const name of readdirSync(analyzersDir)) {
  const file = join(analyzersDir, name, 'cases.js');
  if (!existsSync(file)) continue;
  for (const table of Object.values(await import(file))) {
    if (!Array.isArray(table)) continue;
    for (const row of table) if (typeof row?.input === 'string') tableInputs.push(row);
  }
}
const tableViews = tableInputs.map((row, i) =>
  buildRequestView({
    id: `case-${i}`,
    method: 'GET',
    target: `/?x=${encodeURIComponent(row.input)}`,
    rawHeaders: ['Host', 'localhost', 'User-Agent', 'Mozilla/5.0'],
    httpVersion: '1.1',
    protocol: 'http',
  }),
);
const tableSamples = [];
for (let r = 0; r < rounds; r++) {
  for (const view of tableViews) {
    const t = process.hrtime.bigint();
    judge(view);
    tableSamples.push(Number(process.hrtime.bigint() - t) / 1000);
  }
}
tableSamples.sort((a, b) => a - b);
const tableAt = (q) =>
  tableSamples[Math.min(tableSamples.length - 1, Math.floor(q * tableSamples.length))] ?? 0;

let mixCount = 0;
const mixStart = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const { view } of views) {
    judge(view);
    mixCount++;
  }
}
const mixSeconds = Number(process.hrtime.bigint() - mixStart) / 1e9;

const result = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  corpus: files.map((f) => f.split('/').pop()),
  benignRequests: benign.length,
  medianMicros: Number(at(0.5).toFixed(2)),
  p99Micros: Number(at(0.99).toFixed(2)),
  caseTableInputs: tableViews.length,
  caseTableMedianMicros: Number(tableAt(0.5).toFixed(2)),
  caseTableP99Micros: Number(tableAt(0.99).toFixed(2)),
  mixRequests: views.length,
  mixRequestsPerSecond: Math.round(mixCount / mixSeconds),
};
console.log('| measure | value | budget |');
console.log('| --- | ---: | ---: |');
console.log(`| benign < 2 KB: median | ${result.medianMicros} µs | ≤ 20 µs |`);
console.log(`| benign < 2 KB: p99 | ${result.p99Micros} µs | ≤ 200 µs |`);
console.log(
  `| corpus mix (${views.length} requests) | ${result.mixRequestsPerSecond} req/s | ≥ 30,000 req/s |`,
);
console.log(
  `| case tables (${tableViews.length} inputs as a query value): median / p99 | ${result.caseTableMedianMicros} / ${result.caseTableP99Micros} µs | - |`,
);
console.log(
  `\n${benign.length} benign requests x ${rounds} rounds; corpus: ${result.corpus.join(', ')}; ${process.version}`,
);
if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
