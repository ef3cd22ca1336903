#!/usr/bin/env node
// What reading the rest of a long body costs (inspect.limits.overLimit: inspect-stream): 1 MiB bodies of
// several kinds past their 64 KiB prefix, read 64 KiB at a time as the gateway reads them while they
// stream, with the default budget shared by the windows. Prints ms per MiB and MiB/s per kind, and whether
// the budget ran out (the rest then passes uninspected under the default `overBudget: findings-so-far`).
// Uses the compiled engine (npm run build).
//
//   node bench/inspect/body-rest.mjs [--mib N] [--rounds N]
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: { mib: { type: 'string', default: '1' }, rounds: { type: 'string', default: '5' } },
});
const dist = join(root, 'dist', 'inspect', 'index.js');
if (!existsSync(dist)) {
  console.error('bench/inspect: run `npm run build` first');
  process.exit(1);
}
const { createDefaultInspector, buildRequestView, createRestJudge, DEFAULT_EXTRACT_LIMITS } = await import(
  dist
);

const WINDOW = DEFAULT_EXTRACT_LIMITS.maxBodyBytes;
const BUDGET_MS = 20;
const size = Number(values.mib) * 1024 * 1024;
const rounds = Number(values.rounds);
const policy = {
  sensitivity: 'balanced',
  mode: 'block',
  overLimit: 'inspect-stream',
  overBudget: 'findings-so-far',
};
const inspector = createDefaultInspector({ limits: DEFAULT_EXTRACT_LIMITS });

function fill(make) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = make(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

const prose = 'Meeting notes: we agreed to ship on Tuesday, "if tests pass" & the docs are ready. ';
const kinds = [
  ['form, one padded field', 'application/x-www-form-urlencoded', () => `comment=${'A'.repeat(size)}`],
  [
    'form, fields of prose',
    'application/x-www-form-urlencoded',
    () => fill((i) => `note${i}=${encodeURIComponent(prose.repeat(3))}&`),
  ],
  [
    'JSON array of records',
    'application/json',
    () => `[${fill((i) => `${JSON.stringify({ id: i, title: `Item ${i}`, body: prose })},`)}{}]`,
  ],
  [
    'multipart, one file',
    'multipart/form-data; boundary=b0undary',
    () =>
      `--b0undary\r\nContent-Disposition: form-data; name="f"; filename="notes.txt"\r\n\r\n${fill(() => prose)}\r\n--b0undary--\r\n`,
  ],
  ['plain text', 'text/plain', () => fill(() => prose)],
];

console.log(`| body (${values.mib} MiB) | ms per MiB | MiB/s | budget spent |`);
console.log('| --- | ---: | ---: | --- |');
for (const [label, type, make] of kinds) {
  const body = Buffer.from(make());
  const view = buildRequestView({
    id: 'bench',
    method: 'POST',
    target: '/post',
    rawHeaders: ['Host', 'bench.test', 'Content-Type', type, 'User-Agent', 'Mozilla/5.0'],
    httpVersion: '1.1',
    protocol: 'http',
    body: body.subarray(0, WINDOW),
    bodyCut: true,
  });
  const prefixFindings = inspector.inspect(view).findings;
  const times = [];
  let spent = false;
  for (let round = 0; round < rounds; round++) {
    const judge = createRestJudge(inspector, view, {
      policy,
      options: {},
      prefixFindings,
      budgetMs: BUDGET_MS,
    });
    const started = performance.now();
    for (let at = WINDOW; at < body.length; at += WINDOW) {
      const window = judge.next(body.subarray(at, at + WINDOW), at + WINDOW >= body.length);
      if (window.overBudget) {
        spent = true;
        break;
      }
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)] / (body.length / 1024 / 1024);
  console.log(`| ${label} | ${ms.toFixed(2)} | ${(1000 / ms).toFixed(0)} | ${spent ? 'yes' : 'no'} |`);
}
console.log(
  `\nwindows of ${WINDOW / 1024} KiB, budget ${BUDGET_MS} ms shared by the rest; median of ${rounds} rounds; ${process.version}`,
);
