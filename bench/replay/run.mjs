#!/usr/bin/env node
// Detection through the gateway, against the peer, in one run: sends the shared corpora with
// ../shared/bench/replay.mjs to infinisec (balanced sensitivity, blocking, in front of a Node upstream) and
// to nginx + ModSecurity + CRS 3.3 at paranoia 1 and 2 when they are up (../shared/bench/peers/up.sh), and
// prints the table of docs/detection.md. Needs `npm run build` first. Reads ../shared (corpora and the
// replay tool): without it, says so and exits 0.
//
//   node bench/replay/run.mjs [--corpus DIR] [--replay FILE] [--json FILE] [--concurrency N]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runToEnd, stopAll } from '../proxy/processes.mjs';
import { gitDescribe, startDemo, startInfinisec } from '../proxy/setups.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = join(ROOT, '..', 'shared');
const CORPORA = ['crs.jsonl', 'libinjection.jsonl', 'csic2010-normal.jsonl'];
const PEERS = [
  { name: 'nginx + ModSecurity + CRS 3.3, PL1', port: 18082 },
  { name: 'nginx + ModSecurity + CRS 3.3, PL2', port: 18083 },
];
// A request the server refuses to parse is refused, as a block is.
const BLOCKED = '400,403';

const { values: opt } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(SHARED, 'corpus') },
    replay: { type: 'string', default: join(SHARED, 'bench', 'replay.mjs') },
    json: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opt.help) {
  process.stdout.write(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\n')
      .slice(1, 8)
      .join('\n'),
  );
  process.exit(0);
}

const files = CORPORA.map((f) => join(opt.corpus, f)).filter((f) => existsSync(f));
if (files.length === 0 || !existsSync(opt.replay)) {
  console.log(`bench/replay: skipped: needs the corpora in ${opt.corpus} and ${opt.replay}`);
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('bench/replay: run `npm run build` first');
  process.exit(2);
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (up) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function replay(name, port, dir) {
  const json = join(dir, `${port}.json`);
  const args = [opt.replay, '--target', `127.0.0.1:${port}`, '--blocked', BLOCKED];
  args.push('--concurrency', opt.concurrency, '--json', json, ...files);
  const { code, stderr } = await runToEnd({ cmd: process.execPath, args });
  if (code !== 0 || !existsSync(json)) throw new Error(`replay to ${name} failed (${code}): ${stderr}`);
  return { name, ...JSON.parse(readFileSync(json, 'utf8')) };
}

const percent = (n, d) => (d > 0 ? `${((100 * n) / d).toFixed(1)}%` : '–');
const balanced = (r) => {
  const tpr = r.attacks > 0 ? r.caught / r.attacks : 1;
  const tnr = r.benign > 0 ? 1 - r.fp / r.benign : 1;
  return ((tpr + tnr) / 2) * 100;
};

function overallTable(runs) {
  const lines = [
    '| setup | attacks caught | benign blocked | balanced accuracy |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const { name, overall: o } of runs) {
    const caught = `${o.caught} / ${o.attacks} (${percent(o.caught, o.attacks)})`;
    const blocked = `${o.fp} / ${o.benign} (${percent(o.fp, o.benign)})`;
    lines.push(`| ${name} | ${caught} | ${blocked} | ${balanced(o).toFixed(1)}% |`);
  }
  return lines.join('\n');
}

function sourceTable(runs) {
  const sources = Object.keys(runs[0].sources);
  const lines = [
    `| source | ${runs.map((r) => `${r.name}: caught / blocked benign`).join(' | ')} |`,
    `| --- | ${runs.map(() => '---:').join(' | ')} |`,
  ];
  for (const source of sources) {
    const first = runs[0].sources[source];
    const label = `${source} (${first.attacks} attacks, ${first.benign} benign)`;
    const cells = runs.map((r) => {
      const s = r.sources[source];
      return s === undefined ? '–' : `${percent(s.caught, s.attacks)} / ${percent(s.fp, s.benign)}`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'infinisec-replay-'));
const noPin = { enabled: false };
try {
  const upstream = await startDemo(noPin);
  const gateway = await startInfinisec(noPin, upstream.url, dir, 'replay');
  const runs = [await replay('infinisec (balanced)', Number(new URL(gateway.url).port), dir)];
  const missing = [];
  for (const peer of PEERS) {
    if (await listening(peer.port)) runs.push(await replay(peer.name, peer.port, dir));
    else missing.push(peer.name);
  }
  console.log(
    `# Detection through the gateway (${gitDescribe()}, ${new Date().toISOString().slice(0, 10)})\n`,
  );
  console.log(`corpora: ${files.map((f) => f.split('/').pop()).join(', ')}; blocked = ${BLOCKED} or reset\n`);
  console.log(overallTable(runs));
  console.log('');
  console.log(sourceTable(runs));
  if (missing.length > 0)
    console.log(`\nnot measured (not listening; ../shared/bench/peers/up.sh): ${missing.join(', ')}`);
  if (opt.json) writeFileSync(opt.json, `${JSON.stringify(runs, null, 2)}\n`);
} finally {
  await stopAll();
  // The configuration and the gateway's data dir live under `dir`; nothing else was written.
  rmSync(dir, { recursive: true, force: true });
}
