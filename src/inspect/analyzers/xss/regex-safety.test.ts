import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createXssAnalyzer } from './create-xss-analyzer.js';

const folder = new URL('.', import.meta.url).pathname;
const REGEX_BEFORE = new Set([...'(,=:[!&|?{};'].map((c) => c.charCodeAt(0)));

// Regex literals in TypeScript source: a `/` where an expression may start, read to its closing `/` outside
// a character class, then its flags. Strings, templates and comments are skipped.
function regexLiterals(source: string): RegExp[] {
  const found: RegExp[] = [];
  let last = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '/' && source[i + 1] === '/')
      i = source.indexOf('\n', i) < 0 ? source.length : source.indexOf('\n', i);
    else if (c === '/' && source[i + 1] === '*') i = source.indexOf('*/', i + 2) + 1;
    else if (c === '"' || c === "'" || c === '`') {
      for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
      last = c.charCodeAt(0);
    } else if (
      c === '/' &&
      (REGEX_BEFORE.has(last) || /(return|typeof)\s*$/.test(source.slice(Math.max(0, i - 8), i)))
    ) {
      let j = i + 1;
      let inClass = false;
      for (; j < source.length && (inClass || source[j] !== '/'); j++) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
      }
      let k = j + 1;
      while (/[dgimsuvy]/.test(source[k] ?? '')) k++;
      found.push(new RegExp(source.slice(i + 1, j), source.slice(j + 1, k)));
      i = k - 1;
      last = 0x2f;
    } else if (!/\s/.test(c)) last = c.charCodeAt(0);
  }
  return found;
}

const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => readFileSync(join(folder, name), 'utf8'));
const regexes = sources.flatMap(regexLiterals);

const N = 50_000;
const ADVERSARIAL = [
  `${'a'.repeat(N)}!`,
  `${' '.repeat(N)}!`,
  `${'a '.repeat(N / 2)}!`,
  ...'<>="\'`:;/\\()[]{}&#%+-*.!$@ \t\n'.split('').map((c) => c.repeat(N)),
  '<a x="'.repeat(N / 6),
  'javascript:'.repeat(N / 11),
  ' onload='.repeat(N / 8),
  'image/'.repeat(N / 6),
  '{{'.repeat(N / 2),
  '${'.repeat(N / 2),
  '+ADw-'.repeat(N / 5),
  '![]+'.repeat(N / 4),
  'document/*'.repeat(N / 10),
  '\\u0061'.repeat(N / 6),
  '<p style="'.repeat(N / 10),
  '<meta content="url=url=url='.repeat(N / 26),
  '<iframe srcdoc="&lt;iframe srcdoc=&quot;'.repeat(N / 40),
  '"><svg/onload=alert(1)>'.repeat(N / 24),
];

// Best of three: a busy machine may stall one run; a catastrophic regex is slow every time.
function elapsed(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('xss regexes', () => {
  it('are found in the folder', () => {
    expect(regexes.length).toBeGreaterThan(0);
  });

  it.each(regexes.map((r) => [String(r), r] as const))('%s stays linear on adversarial input', (_, regex) => {
    for (const input of ADVERSARIAL) {
      expect(
        elapsed(() => input.replace(new RegExp(regex.source, `${regex.flags.replace('g', '')}g`), '')),
      ).toBeLessThan(50);
    }
  });
});

describe('xss analyzer on adversarial input', () => {
  const analyzer = createXssAnalyzer();
  it.each(ADVERSARIAL.map((input) => [JSON.stringify(input.slice(0, 24)), input] as const))(
    '%s returns quickly',
    (_, input) => {
      const value = {
        item: { location: 'query.q', kind: 'query-value' as const, value: input },
        variants: [{ value: input, transforms: [] }],
      };
      analyzer.analyzeValue!(value);
      expect(elapsed(() => analyzer.analyzeValue!(value))).toBeLessThan(100);
    },
  );
});
