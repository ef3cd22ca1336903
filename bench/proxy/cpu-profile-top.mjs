#!/usr/bin/env node
// The hot spots of a .cpuprofile (from `run.mjs --cpu-prof DIR`): self time by function, then the time spent
// under each function of infinisec's own code (dist/), as shares of the time the process was busy (idle left out).
// usage: node bench/proxy/cpu-profile-top.mjs FILE.cpuprofile [--top N]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
if (positionals.length !== 1) {
  process.stderr.write('usage: node bench/proxy/cpu-profile-top.mjs FILE.cpuprofile [--top N]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const top = Number(values.top);
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const where = ({ functionName, url, lineNumber }) => {
  const file = url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, '$1/');
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
};
const selfTime = new Map();
const underTime = new Map();
let total = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  if (nodes.get(id).callFrame.functionName === '(idle)') {
    idle += dt;
    return;
  }
  total += dt;
  const name = where(nodes.get(id).callFrame);
  selfTime.set(name, (selfTime.get(name) ?? 0) + dt);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const n = where(nodes.get(cur).callFrame);
    if (seen.has(n)) continue;
    seen.add(n);
    underTime.set(n, (underTime.get(n) ?? 0) + dt);
  }
});
const out = [
  `${(total / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle; shares are of the busy time`,
];
const print = (title, map, keep) => {
  out.push('', title);
  const rows = [...map]
    .filter(([k]) => keep(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  for (const [k, t] of rows) out.push(`${((100 * t) / total).toFixed(1).padStart(6)}%  ${k}`);
};
print('self time, by function', selfTime, () => true);
print("time under infinisec's own functions (dist/)", underTime, (k) => k.includes(' dist/'));
print('time under dependencies (node_modules/)', underTime, (k) => k.includes(' node_modules/'));
process.stdout.write(`${out.join('\n')}\n`);
