import { describe, expect, it } from 'vitest';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { nosqliCases } from './cases.js';
import { createNosqliAnalyzer } from './create-nosqli-analyzer.js';

const analyzer = createNosqliAnalyzer();

describe('nosqli analyzer', () => {
  itRunsCaseTable(analyzer, nosqliCases);

  it('refuses unknown and out-of-range options', () => {
    expect(() => createNosqliAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createNosqliAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createNosqliAnalyzer({ maxLength: 100 }).id).toBe('nosqli');
  });

  it('weighs an operator object in a scalar field above one in a filter parameter', () => {
    const filter = '{"score":{"$gt":1000}}';
    const [field] = analyzer.analyzeValue!(inspected(filter, 'query-value', 'query.username'));
    const [api] = analyzer.analyzeValue!(inspected(filter, 'query-value', 'query.where'));
    expect(field?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(api?.confidence).toBeLessThan(0.9);
  });

  it('weighs a lone comparison or a string breakout in a filter parameter as in any other field', () => {
    const confidence = (value: string) =>
      analyzer.analyzeValue!(inspected(value, 'query-value', 'query.q'))[0]?.confidence ?? 0;
    expect(confidence('{ $ne: 1 }')).toBe(1);
    expect(confidence('{"$gt": ""}')).toBe(1);
    expect(confidence("', $or: [ {}, { 'a':'a")).toBe(1);
    expect(confidence('{"$or":[{"a":1},{"b":2}]}')).toBeLessThan(0.9);
    expect(confidence('{"age":{"$gt":18}}')).toBeLessThan(0.9);
  });

  it('weighs operator keys under a filter parameter below those in other fields, but not on secrets', () => {
    const confidence = (location: string) =>
      analyzer.analyzeValue!(inspected('1', 'query-value', location))[0]?.confidence ?? 0;
    expect(confidence('query.filters[price][$gte]')).toBeLessThan(0.9);
    expect(confidence('body.json.where.age.$gt')).toBeLessThan(0.9);
    expect(confidence('query.filters[password][$ne]')).toBe(1);
    expect(confidence('query.price[$gt]')).toBe(1);
  });

  it('weighs code quoted in a document of several lines below a breakout sent alone', () => {
    const post = nosqliCases.find((c) => c.location === 'body.json.content')!;
    const [quoted] = analyzer.analyzeValue!(inspected(post.input, 'body-value', 'body.json.content'));
    const [sent] = analyzer.analyzeValue!(inspected("'; return true; var x='", 'body-value', 'body.json.q'));
    expect(quoted?.confidence).toBeLessThan(0.9);
    expect(sent?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('counts an operator key in a location even when the value is plain', () => {
    const [f] = analyzer.analyzeValue!(inspected('1', 'query-value', 'query.u_id[$ne]'));
    expect(f?.confidence).toBe(1);
    expect(f?.evidence).toBe('$ne]');
  });
});

describe('nosqli regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    '$'.repeat(50_000),
    '[$ne'.repeat(12_000),
    `'${' '.repeat(50_000)};`,
    `'${'|'.repeat(50_000)}`,
    `' ||${' x'.repeat(25_000)}`,
    "';".repeat(25_000),
    '__'.repeat(25_000),
    `a${'__b'.repeat(16_000)}`,
  ];
  const unbounded = createNosqliAnalyzer({ maxLength: 1 << 20 });
  itStaysLinear(
    new URL('.', import.meta.url),
    adversarial,
    (input) => {
      for (const kind of ['query-value', 'body-text'] as const) {
        analyzer.analyzeValue!(inspected(input, kind));
        unbounded.analyzeValue!(inspected(input, kind));
      }
    },
    5,
  );
});
