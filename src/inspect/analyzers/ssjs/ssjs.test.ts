import { describe, expect, it } from 'vitest';
import type { ValueKind } from '../../inspectable.js';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { ssjsCases } from './cases.js';
import { createSsjsAnalyzer } from './create-ssjs-analyzer.js';

const analyzer = createSsjsAnalyzer();

function confidence(input: string, kind: ValueKind = 'query-value', location = 'query.x'): number {
  return analyzer.analyzeValue!(inspected(input, kind, location))[0]?.confidence ?? 0;
}

describe('ssjs analyzer', () => {
  itRunsCaseTable(analyzer, ssjsCases);

  it('weighs code quoted in prose, files, error reports and links below code sent alone', () => {
    expect(confidence('process.env')).toBeGreaterThanOrEqual(0.9);
    const post = 'In my app I read process.env.PORT and then call console.log(port) but it is empty';
    expect(confidence(post, 'body-value', 'body.form.comment')).toBeLessThan(0.9);
    expect(confidence('while (true) {\n  poll();\n}', 'file-content', 'body.multipart.f')).toBeLessThan(0.9);
    const frame = 'body.json.exception.values.0.stacktrace.frames.2.context_line';
    expect(confidence('  console.log(user)', 'body-value', frame)).toBeLessThan(0.9);
    const fenced = '```js\nconsole.log(style.color.green.open);\n```';
    expect(confidence(fenced, 'body-value', 'body.json.body')).toBeLessThan(0.9);
    const line = 'console.log(style.color.green.open);';
    expect(confidence(line, 'body-value', 'body.json.expr')).toBe(0.9);
    // Alone in a field named for what people type (a comment, a post body), it is a hint.
    expect(confidence(line, 'body-value', 'body.json.body')).toBeLessThan(0.9);
    expect(confidence(line, 'body-value', 'body.json.body')).toBeGreaterThan(0.4);
    const link = 'https://nodejs.org/api/process.html?q=process.env';
    expect(confidence(link, 'header-value', 'header.referer')).toBeLessThan(0.9);
    // Reaching the OS stays suspicious even in a long text.
    const shell =
      'please run this for me: require("child_process").exec("cat /etc/passwd") and send the output';
    expect(confidence(shell, 'body-value', 'body.form.comment')).toBeGreaterThanOrEqual(0.7);
  });

  it('peels JS escapes inside base64 and base64 written with JS escapes', () => {
    const inner = analyzer.analyzeValue!({
      item: { location: 'query.x', kind: 'query-value', value: 'XHUwMDc3aGlsZSgxKTs=' },
      variants: [
        { value: 'XHUwMDc3aGlsZSgxKTs=', transforms: [] },
        { value: '\\u0077hile(1);', transforms: ['base64-decode'] },
      ],
    });
    expect(inner[0]?.rule).toBe('ssjs/endless-loop');
    expect(inner[0]?.transforms).toEqual(['base64-decode', 'js-escapes']);
    const encoded = Buffer.from('require("child_process").exec("id")').toString('base64');
    const outer = analyzer.analyzeValue!({
      item: { location: 'cookie.t', kind: 'cookie-value', value: `\\u0063${encoded.slice(1)}` },
      variants: [
        { value: `\\u0063${encoded.slice(1)}`, transforms: [] },
        { value: encoded, transforms: ['js-escapes'] },
      ],
    });
    expect(outer[0]?.rule).toBe('ssjs/runtime-access');
    expect(outer[0]?.transforms).toEqual(['js-escapes', 'base64-decode']);
  });

  it('refuses unknown and out-of-range options', () => {
    expect(() => createSsjsAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createSsjsAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createSsjsAnalyzer({ maxLength: 100 }).id).toBe('ssjs');
  });
});

describe('ssjs regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    'while('.repeat(8_000),
    `while(${'('.repeat(50_000)}`,
    `while(${'!'.repeat(50_000)}`,
    `while([${'['.repeat(50_000)}`,
    'function('.repeat(5_000),
    `function(${' '.repeat(50_000)}`,
    'console.'.repeat(6_000),
    'process['.repeat(6_000),
    'require('.repeat(6_000),
  ];
  const unbounded = createSsjsAnalyzer({ maxLength: 1 << 20 });
  itStaysLinear(
    new URL('.', import.meta.url),
    adversarial,
    (input) => {
      analyzer.analyzeValue!(inspected(input));
      unbounded.analyzeValue!(inspected(input, 'body-text', 'body'));
    },
    4,
  );
});
