#!/usr/bin/env node
// Maze page generation per trap strategy, on one core: the median pages/s of 5 rounds over ~2 s per
// strategy (after a warm-up), with their range, against the budget of 10,000 pages/s, and the mean page
// size. Uses the compiled labyrinth (npm run build) with real canaries (as the gateway mints them, one
// intruder); --fake-mint swaps in a trivial mint to see the cost of the pages alone.
//
//   node bench/labyrinth/pages.mjs [--dist DIR] [--seconds N] [--json FILE] [--fake-mint]
//
// --dist (env LABYRINTH_DIST) is the folder holding labyrinth/index.js, `dist` by default.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const BUDGET = 10_000;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: process.env.LABYRINTH_DIST ?? join(root, 'dist') },
    seconds: { type: 'string', default: '2' },
    json: { type: 'string' },
    'fake-mint': { type: 'boolean', default: false },
  },
});

const entry = join(resolve(values.dist), 'labyrinth', 'index.js');
if (!existsSync(entry)) {
  console.error(`bench/labyrinth: ${entry} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const { createCanaries, createMaze, TRAP_STRATEGIES } = await import(pathToFileURL(entry).href);

// FNV-1a of the slot: cheap and deterministic, as a real mint is.
function fakeMint(kind, slot) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slot.length; i++) hash = Math.imul(hash ^ slot.charCodeAt(i), 0x01000193);
  return `${kind}-${(hash >>> 0).toString(36)}`;
}

const mint = values['fake-mint']
  ? fakeMint
  : createCanaries({ secret: 'bench canary secret, not a real one' }).mintFor('0badc0de');
const maze = createMaze({ secret: 'bench secret, not a real one' });
const site = 'shop';
// What trapped clients ask for: the usual first probes, entry paths (depth 1), and the links on those
// pages (depth 2, where e.g. the sql strategy dumps rows instead of showing errors).
const entries = maze.entryPaths(site, 'bench', 200, '/library/');
const deeper = entries.flatMap((target) => {
  const page = maze.page({ site, target, method: 'GET', strategy: 'articles', mint });
  return [...page.body.matchAll(/<li><a href="([^"]+)"/g)].slice(-2).map((m) => m[1]);
});
const targets = [
  ...entries,
  ...deeper,
  '/.env',
  '/etc/passwd',
  '/wp-config.php',
  '/.git/config',
  '/admin/',
  '/wp-login.php',
  '/api/v1/users',
  "/products?id=1' OR '1'='1",
];

function run(strategy, ms) {
  let pages = 0;
  let bytes = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) {
      const target = targets[(pages + i) % targets.length];
      bytes += maze.page({ site, target, method: 'GET', strategy, mint }).body.length;
    }
    pages += 100;
    now = performance.now();
  }
  return { pages, bytes, seconds: (now - start) / 1000 };
}

const ROUNDS = 5;
const seconds = Number(values.seconds);
const rows = [];
for (const strategy of TRAP_STRATEGIES) {
  run(strategy, 300); // warm-up: JIT, and the articles' Markov chain is trained at its first page
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(run(strategy, (seconds * 1000) / ROUNDS));
  const rates = rounds.map((round) => Math.round(round.pages / round.seconds)).sort((a, b) => a - b);
  const pages = rounds.reduce((n, round) => n + round.pages, 0);
  const bytes = rounds.reduce((n, round) => n + round.bytes, 0);
  const median = rates[Math.floor(ROUNDS / 2)];
  rows.push({
    strategy,
    pagesPerSecond: median,
    range: [rates[0], rates.at(-1)],
    meanBytes: Math.round(bytes / pages),
    ok: median >= BUDGET,
  });
}

console.log(
  `labyrinth pages, Node ${process.version}, ${seconds} s per strategy, budget ≥ ${BUDGET} pages/s\n`,
);
const n = (x) => x.toLocaleString('en');
console.log('| strategy | pages/s (median) | range | mean page bytes | budget |');
console.log('| -------- | ---------------: | ----: | --------------: | ------ |');
for (const r of rows)
  console.log(
    `| ${r.strategy} | ${n(r.pagesPerSecond)} | ${n(r.range[0])}–${n(r.range[1])} | ${n(r.meanBytes)} | ${r.ok ? 'met' : 'not met'} |`,
  );
if (values.json) writeFileSync(values.json, `${JSON.stringify({ budget: BUDGET, rows }, null, 2)}\n`);
