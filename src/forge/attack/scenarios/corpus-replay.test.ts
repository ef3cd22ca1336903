import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attack, startSite } from '../attack-fixture.testing.js';
import { loadCorpus } from './corpus-replay.js';

const CASES = [
  {
    id: 'a1',
    source: 't',
    category: 'sqli',
    malicious: true,
    method: 'GET',
    target: '/?id=1%27%20OR%201=1--',
    headers: [
      ['Host', 'localhost'],
      ['User-Agent', 'x'],
    ],
    body: null,
    body_b64: null,
  },
  {
    id: 'a2',
    source: 't',
    category: 'xss',
    malicious: true,
    method: 'POST',
    target: '/c',
    headers: [['Content-Type', 'text/plain']],
    body: '<script>alert(1)</script>',
    body_b64: null,
  },
  {
    id: 'a3',
    source: 't',
    category: 'sqli',
    malicious: true,
    method: 'POST',
    target: '/b',
    headers: [],
    body: null,
    body_b64: Buffer.from([0xff, 0x27, 0x00]).toString('base64'),
  },
  {
    id: 'b1',
    source: 't',
    category: 'benign',
    malicious: false,
    method: 'GET',
    target: '/products?page=2',
    headers: [['Accept', 'text/html']],
    body: null,
    body_b64: null,
  },
];

describe('loadCorpus', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'infinisec-corpus-'));
    file = join(dir, 'tiny.jsonl');
    const lines = CASES.map((c) => JSON.stringify(c));
    writeFileSync(file, [lines[0], 'not json', lines[1], '', '{"id":"x"}', lines[2], lines[3]].join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes one scenario per attack category and one for legitimate cases, and lists bad lines', async () => {
    const corpus = await loadCorpus(file, 100);
    expect(corpus.cases).toBe(4);
    expect(corpus.scenarios.map((s) => [s.name, s.requests, s.expect])).toEqual([
      ['corpus:benign', 1, 'pass'],
      ['corpus:sqli', 2, 'answer'],
      ['corpus:xss', 1, 'answer'],
    ]);
    expect(corpus.problems).toEqual([`${file}:2: not valid JSON`, `${file}:5: "source" must be a string`]);
  });

  it('reads no more cases than the limit', async () => {
    const corpus = await loadCorpus(file, 2);
    expect(corpus.cases).toBe(2);
  });

  it('replays each case byte for byte, with the Host of the target', async () => {
    const seen: { line: string; host: string; body: Buffer }[] = [];
    const site = await startSite((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          line: `${req.method} ${req.url}`,
          host: req.headers.host ?? '',
          body: Buffer.concat(chunks),
        });
        res.writeHead(req.url === '/c' ? 403 : 200).end();
      });
    });
    try {
      const corpus = await loadCorpus(file, 100);
      const run = await attack(site.target, corpus.scenarios);
      const byName = Object.fromEntries(run.scenarios.map((s) => [s.scenario.name, s.tally.counts]));
      expect(byName['corpus:xss']).toMatchObject({ blocked: 1 });
      expect(byName['corpus:benign']).toMatchObject({ passed: 1 });
    } finally {
      await site.close();
    }
    const lines = seen.map((s) => s.line).sort();
    expect(lines).toEqual(['GET /?id=1%27%20OR%201=1--', 'GET /products?page=2', 'POST /b', 'POST /c']);
    expect(new Set(seen.map((s) => s.host))).toEqual(new Set([site.target.host]));
    expect(seen.find((s) => s.line === 'POST /b')?.body).toEqual(Buffer.from([0xff, 0x27, 0x00]));
  });
});
