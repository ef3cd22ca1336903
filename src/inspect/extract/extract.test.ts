import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { toRequestView } from './case-request.js';
import { EXTRACT_CASES } from './cases.js';
import { createExtractor } from './create-extractor.js';
import { DEFAULT_EXTRACT_LIMITS } from './extract-limits.js';
import { extractRequest } from './extract-request.js';

const encoder = new TextEncoder();

function run(
  target: string,
  type: string | undefined,
  body: string | Uint8Array,
  limits = DEFAULT_EXTRACT_LIMITS,
) {
  const headers: [string, string][] = type === undefined ? [] : [['content-type', type]];
  return extractRequest(toRequestView({ target, headers, body }), limits);
}

/** The fastest of three runs of `work`, in ms. */
function fastest(work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('extractRequest', () => {
  for (const c of EXTRACT_CASES) {
    it(c.name, () => {
      const parsed = extractRequest(toRequestView(c.request), { ...DEFAULT_EXTRACT_LIMITS, ...c.limits });
      expect(parsed.values.map((v) => [v.location, v.kind, v.value])).toEqual(c.values);
      expect(parsed.contentType).toBe(c.contentType ?? '');
      expect(parsed.overLimits).toEqual(c.overLimits ?? []);
    });
  }

  it('keeps the view it came from', () => {
    const view = toRequestView({ target: '/' });
    expect(extractRequest(view, DEFAULT_EXTRACT_LIMITS).view).toBe(view);
  });

  it('survives hostile bodies of every type without throwing, in linear time', () => {
    const hostile = [
      `${'&'.repeat(60_000)}=`,
      `${';'.repeat(60_000)}=`,
      `--b\r\nContent-Disposition: form-data${';'.repeat(60_000)}=\r\n\r\nx`,
      `--b\r\n${'--b\r\n'.repeat(10_000)}`,
      `<a${' b'.repeat(30_000)}`,
      '<a<a'.repeat(15_000),
      '</'.repeat(30_000),
      '<!'.repeat(30_000),
      '<?'.repeat(30_000),
      `query { ${'a: '.repeat(20_000)}`,
      '['.repeat(100_000),
      '{"a":'.repeat(50_000),
      '<a>'.repeat(50_000),
      `<!DOCTYPE x [${'"'.repeat(10_000)}`,
      '<'.repeat(50_000),
      `--b\r\n${'Content-Disposition: form-data; name="'.repeat(2_000)}`,
      '&'.repeat(50_000),
      '='.repeat(50_000),
      `query { ${'"'.repeat(20_001)}`,
    ];
    const types = [
      undefined,
      'application/json',
      'application/xml',
      'multipart/form-data; boundary=b',
      'application/x-www-form-urlencoded',
      'application/graphql',
      'text/plain',
    ];
    for (const body of hostile)
      for (const type of types) {
        const parse = () => run(`/?${body.slice(0, 8000)}`, type, body);
        expect(parse().values.length).toBeLessThanOrEqual(DEFAULT_EXTRACT_LIMITS.maxArgs);
        // Quadratic parsing takes seconds here; a collector pause or a busy machine does not repeat.
        expect(fastest(parse)).toBeLessThan(50);
      }
  });

  it('cookie headers full of separators stay linear', () => {
    const view = toRequestView({ target: '/', headers: [['cookie', `${';'.repeat(60_000)}a=1`]] });
    expect(extractRequest(view, DEFAULT_EXTRACT_LIMITS).values.at(-1)?.value).toBe('1');
    expect(fastest(() => extractRequest(view, DEFAULT_EXTRACT_LIMITS))).toBeLessThan(50);
  });

  it('stops at maxDepth on deeply nested JSON that JSON.parse accepts', () => {
    const parsed = run('/', 'application/json', `${'['.repeat(1000)}"x"${']'.repeat(1000)}`);
    expect(parsed.overLimits).toEqual(['depth']);
    expect(parsed.values.map((v) => v.location)).toEqual(['path']);
  });

  it('records args once however far past the limit a request goes', () => {
    const query = Array.from({ length: 2000 }, (_, i) => `k${i}=v`).join('&');
    const parsed = extractRequest(toRequestView({ target: `/?${query}` }), DEFAULT_EXTRACT_LIMITS);
    expect(parsed.values).toHaveLength(DEFAULT_EXTRACT_LIMITS.maxArgs);
    expect(parsed.overLimits).toEqual(['args']);
  });

  it('cuts the body at maxBodyBytes even inside a multi-byte character', () => {
    const parsed = run('/', 'text/plain', encoder.encode('aé'), {
      ...DEFAULT_EXTRACT_LIMITS,
      maxBodyBytes: 2,
    });
    expect(parsed.values.at(-1)).toEqual({ location: 'body', kind: 'body-text', value: 'a\uFFFD' });
  });

  it('an empty body yields nothing', () => {
    expect(run('/', 'application/json', '').values.map((v) => v.location)).toEqual(['path']);
  });
});

describe('createExtractor', () => {
  it('extracts with the default limits', () => {
    const extract = createExtractor();
    expect(extract(toRequestView({ target: '/?a=1' })).values).toHaveLength(2);
  });

  it('refuses bad limits, listing every problem', () => {
    expect(() => createExtractor({ maxBodyBytes: 0, maxArgs: 1.5, maxDepth: 32, maxValueBytes: -1 })).toThrow(
      /maxBodyBytes.*maxArgs.*maxValueBytes/,
    );
  });
});
