import { describe, expect, it } from 'vitest';
import type { InspectedValue } from '../../inspectable.js';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { phpCases } from './cases.js';
import { createPhpAnalyzer } from './create-php-analyzer.js';

const analyzer = createPhpAnalyzer();

describe('php analyzer', () => {
  itRunsCaseTable(analyzer, phpCases);

  it('blocks on its own only where the table says so', () => {
    const rows = phpCases.filter((c) => c.blocks !== undefined);
    expect(rows.length).toBeGreaterThan(40);
    for (const c of rows) {
      const [f] = analyzer.analyzeValue!(inspected(c.input, c.kind, c.location ?? 'query.x'));
      expect(f!.confidence >= 0.9, `${c.input} (${f!.confidence})`).toBe(c.blocks);
    }
  });

  it('finds the same calls through percent-encoding', () => {
    const calls = phpCases.filter(
      (c) => c.expect !== null && c.kind === undefined && encodeURIComponent(c.input) !== c.input,
    );
    expect(calls.length).toBeGreaterThan(20);
    for (const c of calls) {
      const [f] = analyzer.analyzeValue!(inspected(encodeURIComponent(c.input)));
      expect(f?.rule, c.input).toBe(c.expect);
    }
  });

  it('weighs exec calls with code above bare built-ins', () => {
    const [exec] = analyzer.analyzeValue!(inspected('system($_GET[0])'));
    const [builtin] = analyzer.analyzeValue!(inspected('strlen(x)'));
    expect(exec!.confidence).toBe(1);
    expect(builtin!.confidence).toBeLessThan(0.6);
  });

  it('dampens code quoted in running text, but still reports it', () => {
    const post = `To run a command from PHP you can call system('ls -la') but never pass user input to it, as explained in the manual and in the security chapter of this guide.`;
    const [quoted] = analyzer.analyzeValue!(inspected(post, 'body-value', 'body.json.content'));
    const [bare] = analyzer.analyzeValue!(inspected("system('ls -la')"));
    expect(quoted!.confidence).toBeLessThan(bare!.confidence);
    expect(quoted!.confidence).toBeGreaterThanOrEqual(0.4);
  });

  it('reads comments up to the line break the normalizer folds away', () => {
    const value: InspectedValue = {
      item: { location: 'query.x', kind: 'query-value', value: 'exec%20%23c%0A%28%27id%27%29' },
      variants: [
        { value: 'exec%20%23c%0A%28%27id%27%29', transforms: [] },
        { value: "exec #c ('id')", transforms: ['url-decode', 'whitespace-fold'] },
      ],
    };
    const [f] = analyzer.analyzeValue!(value);
    expect(f?.rule).toBe('php/function-call');
    expect(f?.transforms).toEqual(['url-decode']);
  });

  it('refuses unknown and out-of-range options', () => {
    expect(() => createPhpAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createPhpAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createPhpAnalyzer({ maxLength: 100 }).id).toBe('php');
  });
});

describe('php regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    '('.repeat(50_000),
    `${'system('.repeat(7_000)}`,
    "'\\".repeat(25_000),
    '"\\'.repeat(25_000),
    '$a['.repeat(17_000),
    ']('.repeat(25_000),
    '<?'.repeat(25_000),
    '/*'.repeat(25_000),
    '#\n('.repeat(17_000),
    'a=b\n'.repeat(12_000),
    'php://'.repeat(8_000),
    '${'.repeat(25_000),
    "define('x',".repeat(4_000),
    `phpinfo()${'[]'.repeat(20_000)}`,
    `phpinfo()[${'a['.repeat(20_000)}`,
    `engine=${'a'.repeat(50_000)}.`,
    `memory_limit=1${' '.repeat(50_000)}x`,
    `'${' '.repeat(50_000)};phpinfo()`,
  ];
  const bounded = createPhpAnalyzer({ maxLength: 8192 });
  itStaysLinear(
    new URL('.', import.meta.url),
    adversarial,
    (input) => {
      for (const kind of ['query-value', 'body-text'] as const) {
        analyzer.analyzeValue!(inspected(input, kind));
        bounded.analyzeValue!(inspected(input, kind));
      }
    },
    8,
  );
});
