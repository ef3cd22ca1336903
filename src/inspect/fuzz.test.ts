import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRequestView } from './build-request-view.js';
import { createDefaultInspector } from './default-inspector.js';
import { DEFAULT_EXTRACT_LIMITS } from './extract/index.js';

// A bounded fuzz run of the whole engine: seeds from every analyzer's case table, mutated at random, placed
// in every part of a request, plus very large and adversarial inputs. Nothing may throw, and no request
// may take long. The seed of the random generator is printed so a failure can be replayed.

const BUDGET_MS = Number(process.env.INFINISEC_FUZZ_MS ?? 4000);
const SLOW_MS = 100;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seeds(): Promise<string[]> {
  const dir = new URL('./analyzers/', import.meta.url).pathname;
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(join(dir, name, 'cases.js'))) as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const value of Object.values(mod)) {
      if (!Array.isArray(value)) continue;
      for (const c of value) if (typeof c?.input === 'string') out.push(c.input);
    }
  }
  return out;
}

const SPICE = [
  "'",
  '"',
  '<',
  '>',
  '%',
  '%00',
  '%u0027',
  '&#x27;',
  '\\',
  '../',
  '${',
  '{{',
  '`',
  ';',
  '|',
  '\r\n',
  '\u0000',
  '\uFF07',
  '/*',
  '--',
  '#',
  '(',
  ')',
  '=',
  ' or ',
  ' union select ',
  '<svg/onload=',
  'javascript:',
];

function mutate(seed: string, rand: () => number): string {
  let s = seed;
  const edits = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (s.length + 1));
    const op = rand();
    if (op < 0.4) s = s.slice(0, at) + SPICE[Math.floor(rand() * SPICE.length)] + s.slice(at);
    else if (op < 0.6) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 4));
    else if (op < 0.8) s = s.slice(0, at) + String.fromCharCode(Math.floor(rand() * 0x3000)) + s.slice(at);
    else s = s + s.slice(0, Math.floor(rand() * 64));
  }
  return s;
}

function request(value: string, rand: () => number): Parameters<typeof buildRequestView>[0] {
  const where = Math.floor(rand() * 6);
  const encoded = encodeURIComponent(value);
  const headers = ['Host', 'shop.test', 'User-Agent', 'Mozilla/5.0'];
  const base = {
    id: 'fuzz',
    method: 'GET',
    target: '/',
    rawHeaders: headers,
    httpVersion: '1.1',
    protocol: 'http' as const,
  };
  switch (where) {
    case 0:
      return { ...base, target: `/search?q=${encoded}&page=2` };
    case 1:
      return { ...base, target: `/${value.replace(/[\s?#]/g, '')}` };
    case 2:
      return { ...base, rawHeaders: [...headers, 'X-Api-Version', value.replace(/[\r\n]/g, ' ')] };
    case 3:
      return { ...base, rawHeaders: [...headers, 'Cookie', `session=abc; pref=${encoded}`] };
    case 4:
      return {
        ...base,
        method: 'POST',
        rawHeaders: [...headers, 'Content-Type', 'application/json'],
        body: Buffer.from(JSON.stringify({ user: { name: value, tags: [value] } })),
      };
    default:
      return {
        ...base,
        method: 'POST',
        rawHeaders: [...headers, 'Content-Type', 'application/x-www-form-urlencoded'],
        body: Buffer.from(`comment=${encoded}&ok=1`),
      };
  }
}

describe('fuzzing the engine', () => {
  const inspector = createDefaultInspector({ limits: DEFAULT_EXTRACT_LIMITS });

  it(`survives random, adversarial and huge inputs (${BUDGET_MS} ms)`, async () => {
    const seed = Number(process.env.INFINISEC_FUZZ_SEED ?? Date.now() % 100000);
    const rand = random(seed);
    const corpus = await seeds();
    expect(corpus.length).toBeGreaterThan(50);
    const huge = [
      'a'.repeat(200_000),
      "'".repeat(100_000),
      '<'.repeat(100_000),
      '%'.repeat(100_000),
      '%25'.repeat(50_000),
      '${'.repeat(50_000),
      '{{'.repeat(50_000),
      '../'.repeat(50_000),
      '&#'.repeat(50_000),
      '\\u'.repeat(50_000),
      '('.repeat(50_000),
      `${'a '.repeat(50_000)}union select`,
    ];
    const slow: string[] = [];
    const timed = (req: Parameters<typeof buildRequestView>[0]) => {
      const started = performance.now();
      inspector.inspect(buildRequestView(req));
      return performance.now() - started;
    };
    const run = (value: string) => {
      const req = request(value, rand);
      let ms = timed(req);
      // A pause of the collector or a busy machine is not the engine's fault: a slow input must stay slow.
      if (ms > SLOW_MS) ms = Math.min(ms, timed(req), timed(req));
      if (ms > SLOW_MS)
        slow.push(`${ms.toFixed(0)} ms for ${JSON.stringify(value.slice(0, 60))}… (${value.length} chars)`);
    };
    for (const value of huge) run(value);
    const deadline = performance.now() + BUDGET_MS;
    let runs = 0;
    while (performance.now() < deadline && runs < 200_000) {
      run(mutate(corpus[Math.floor(rand() * corpus.length)]!, rand));
      runs++;
    }
    expect(slow, `seed ${seed}`).toEqual([]);
    expect(runs).toBeGreaterThan(100);
  }, 60_000);

  it('reads the rest of huge hostile bodies a window at a time, each window quickly', () => {
    const seed = Number(process.env.INFINISEC_FUZZ_SEED ?? Date.now() % 100000);
    const rand = random(seed);
    const types = [
      'application/x-www-form-urlencoded',
      'application/json',
      'multipart/form-data; boundary=b',
      'text/plain',
    ];
    const bodies = [
      `a=${'%'.repeat(300_000)}`,
      `${'&='.repeat(150_000)}`,
      `{"a":"${'\\u'.repeat(100_000)}"}`,
      `--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n${'--b'.repeat(100_000)}`,
      `${'\n--b\r\n'.repeat(30_000)}`,
      `q=${"' or 1=1 ".repeat(30_000)}`,
      `x=${'<svg/onload='.repeat(25_000)}`,
    ];
    const slow: string[] = [];
    for (const text of bodies) {
      const body = Buffer.from(text);
      const type = types[Math.floor(rand() * types.length)]!;
      const view = buildRequestView({
        id: 'fuzz',
        method: 'POST',
        target: '/',
        rawHeaders: ['Host', 'shop.test', 'Content-Type', type],
        httpVersion: '1.1',
        protocol: 'http',
        body: body.subarray(0, DEFAULT_EXTRACT_LIMITS.maxBodyBytes),
        bodyCut: true,
      });
      const next = inspector.inspectRest(view);
      let at = DEFAULT_EXTRACT_LIMITS.maxBodyBytes;
      while (at < body.length) {
        // Windows of any size, as chunks arrive: a window edge may fall anywhere.
        const size = 1 + Math.floor(rand() * 2 * DEFAULT_EXTRACT_LIMITS.maxBodyBytes);
        const started = performance.now();
        next(body.subarray(at, at + size), at + size >= body.length);
        const ms = performance.now() - started;
        if (ms > SLOW_MS * 2)
          slow.push(`${ms.toFixed(0)} ms for a window of ${JSON.stringify(text.slice(0, 30))}`);
        at += size;
      }
    }
    expect(slow, `seed ${seed}`).toEqual([]);
  }, 60_000);
});
