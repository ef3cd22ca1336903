#!/usr/bin/env node
// False positives on free text that quotes code: every paragraph of the README, CHANGELOG and HISTORY files
// of the installed packages (node_modules, pinned by package-lock.json, so the same on every machine) is
// sent as a form field and as a JSON string field — prose, Markdown, shell lines, JavaScript, SQL, HTML
// samples, as a blog, a forum or an issue tracker receives them. Runs `infinisec scan` (the gateway's own
// parsing and verdicts) over the requests at balanced and paranoid sensitivity and prints how many were
// flagged, with the rules that flagged them. With --documents, each whole file (1 KB to 60 KB) is one
// field instead: a post or a README pasted in full. Needs `npm run build` first.
//
//   node bench/inspect/text-fields.mjs [--documents] [--limit N] [--json FILE] [--misses N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC_FILE = /^(?:readme|changelog|history)\.md$/i;
const MAX_DEPTH = 4;
const MIN_PARAGRAPH = 20;
const MAX_PARAGRAPH = 3000;
const MIN_DOCUMENT = 1024;
const MAX_DOCUMENT = 60_000;
const HEADERS = [
  ['Host', 'localhost'],
  [
    'User-Agent',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36',
  ],
  ['Accept', '*/*'],
];

const { values: opt } = parseArgs({
  options: {
    limit: { type: 'string', default: '20000' },
    json: { type: 'string' },
    misses: { type: 'string', default: '0' },
    documents: { type: 'boolean', default: false },
  },
});

function docFiles(dir, depth, out) {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) docFiles(path, depth + 1, out);
    else if (DOC_FILE.test(e.name)) out.push(path);
  }
}

function requests(limit) {
  const files = [];
  docFiles(join(ROOT, 'node_modules'), 0, files);
  const seen = new Set();
  const out = [];
  for (const file of files) {
    const content = readFileSync(file, 'utf8');
    const blocks = opt.documents ? [content.slice(0, MAX_DOCUMENT)] : content.split(/\n\s*\n/);
    const [min, max] = opt.documents ? [MIN_DOCUMENT, MAX_DOCUMENT] : [MIN_PARAGRAPH, MAX_PARAGRAPH];
    for (const block of blocks) {
      const text = block.trim();
      if (text.length < min || text.length > max || seen.has(text)) continue;
      seen.add(text);
      const n = out.length;
      if (n >= limit) return { files: files.length, out };
      const form = n % 2 === 0;
      out.push({
        id: `text-${n}`,
        source: 'package-docs',
        category: form ? 'form-field' : 'json-field',
        malicious: false,
        method: 'POST',
        target: form ? '/comments' : '/api/posts',
        headers: [
          ...HEADERS,
          ['Content-Type', form ? 'application/x-www-form-urlencoded' : 'application/json'],
        ],
        body: form
          ? `title=Notes&comment=${encodeURIComponent(text)}`
          : JSON.stringify({ title: 'Notes', body: text, tags: ['docs'] }),
      });
    }
  }
  return { files: files.length, out };
}

function scan(file, sensitivity) {
  const stdout = execFileSync(
    process.execPath,
    [join(ROOT, 'bin/infinisec.js'), 'scan', file, '--format', 'json', '--sensitivity', sensitivity],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout.toString()).overall;
}

function topRules(file, misses) {
  const stdout = execFileSync(
    process.execPath,
    [join(ROOT, 'bin/infinisec.js'), 'scan', file, '--misses', String(misses)],
    { maxBuffer: 64 * 1024 * 1024 },
  ).toString();
  const counts = new Map();
  const flagged = stdout.slice(stdout.indexOf('false positives:'));
  for (const m of flagged.matchAll(/ ([a-z0-9-]+\/[a-z0-9-]+)@\S+ ([0-9.]+)/g)) {
    if (Number(m[2]) < 0.9) continue;
    counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

const { files, out } = requests(Number(opt.limit));
if (out.length === 0) {
  console.log('no package documentation under node_modules: run npm install first');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'infinisec-text-'));
try {
  const file = join(dir, 'text-fields.jsonl');
  writeFileSync(file, `${out.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const balanced = scan(file, 'balanced');
  const paranoid = scan(file, 'paranoid');
  const rules = topRules(file, Math.max(Number(opt.misses), out.length));
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const unit = opt.documents ? 'whole documents' : 'paragraphs';
  console.log(`${out.length} ${unit} from ${files} documentation files of node_modules\n`);
  console.log('| sensitivity | flagged | rate |');
  console.log('| --- | ---: | ---: |');
  console.log(`| balanced | ${balanced.flagged} / ${balanced.benign} | ${pct(balanced.fpr)} |`);
  console.log(`| paranoid | ${paranoid.flagged} / ${paranoid.benign} | ${pct(paranoid.fpr)} |`);
  console.log(`\nrules that flagged alone (confidence ≥ 0.9), by ${unit}:`);
  for (const [rule, n] of rules.slice(0, 12)) console.log(`  ${String(n).padStart(5)}  ${rule}`);
  if (opt.json !== undefined) {
    writeFileSync(
      opt.json,
      `${JSON.stringify({ unit, count: out.length, balanced, paranoid, rules }, null, 2)}\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
