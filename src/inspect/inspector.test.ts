import { describe, expect, it } from 'vitest';
import type { Finding, RequestView } from '../core/index.js';
import type { Analyzer } from './analyzer.js';
import { createInspector } from './inspector.js';
import { createValueMemo } from './value-memo.js';

const VIEW: RequestView = {
  id: '1',
  method: 'GET',
  target: '/',
  path: '/',
  query: '',
  host: '',
  headers: [],
  httpVersion: '1.1',
  protocol: 'http',
};

const finding = (analyzer: string, confidence: number, location: string): Finding => ({
  analyzer,
  rule: `${analyzer}/test`,
  confidence,
  location,
  evidence: '',
  transforms: [],
});

/** An analyzer that records what it saw and finds `confidence` in values containing its id. */
function analyzer(id: string, confidence: number, seen: string[]): Analyzer {
  return {
    id,
    analyzeValue: ({ item }) => {
      seen.push(`${id}:${item.value}`);
      return item.value.includes(id) ? [finding(id, confidence, item.location)] : [];
    },
  };
}

function inspectorOver(values: string[], analyzers: Analyzer[]) {
  return createInspector({
    analyzers,
    extract: (view) => ({
      view,
      values: values.map((value, i) => ({ location: `query.v${i}`, kind: 'query-value' as const, value })),
      contentType: '',
      overLimits: [],
    }),
    normalize: (item) => [{ value: item.value, transforms: [] }],
  });
}

function bodyInspector(values: readonly (readonly [string, string])[], analyzers: Analyzer[]) {
  return createInspector({
    analyzers,
    extract: (view) => ({
      view,
      values: values.map(([location, value]) => ({ location, kind: 'body-value' as const, value })),
      contentType: 'application/json',
      overLimits: [],
    }),
    normalize: (item) => [{ value: item.value, transforms: [] }],
  });
}

describe('inspector', () => {
  it('does not let weak signals read from one document corroborate each other', () => {
    const post = `# Notes\n\n${'Some prose about the sqli and xss examples below. '.repeat(30)}\n\nThe end.`;
    const weak = () => [analyzer('sqli', 0.6, []), analyzer('xss', 0.6, [])];
    const inDocument = bodyInspector([['body.json.content', post]], weak()).inspect(VIEW);
    expect(inDocument.findings.map((f) => f.analyzer)).toEqual(['sqli']);
    // The same document's end, extracted as its own value, is the same document: one signal for both.
    const withEnd = bodyInspector(
      [
        ['body.json.content', post],
        ['body.json.content', post.slice(-1500)],
      ],
      weak(),
    ).inspect(VIEW);
    expect(withEnd.findings).toHaveLength(1);
    // A short field, or one not named for text, keeps every signal; so does a document with a certain one.
    const short = bodyInspector([['body.json.content', 'sqli xss']], weak()).inspect(VIEW);
    expect(short.findings).toHaveLength(2);
    const field = bodyInspector([['body.json.id', post]], weak()).inspect(VIEW);
    expect(field.findings).toHaveLength(2);
    const certain = bodyInspector(
      [['body.json.content', post]],
      [analyzer('sqli', 1, []), analyzer('xss', 0.6, [])],
    ).inspect(VIEW);
    expect(certain.findings).toHaveLength(2);
  });

  it('runs every analyzer over every value when no decisive score is given', () => {
    const seen: string[] = [];
    const inspector = inspectorOver(
      ['sqli here', 'xss here'],
      [analyzer('sqli', 1, seen), analyzer('xss', 1, seen)],
    );
    const inspection = inspector.inspect(VIEW);
    expect(inspection.findings.map((f) => f.analyzer)).toEqual(['sqli', 'xss']);
    expect(inspection.decided).toBe(false);
    expect(seen).toHaveLength(4);
  });

  it('stops once the findings reach the decisive score', () => {
    const seen: string[] = [];
    const inspector = inspectorOver(
      ['sqli here', 'xss here'],
      [analyzer('sqli', 1, seen), analyzer('xss', 1, seen)],
    );
    const inspection = inspector.inspect(VIEW, { decisiveScore: 0.9 });
    expect(inspection.findings.map((f) => f.analyzer)).toEqual(['sqli']);
    expect(inspection.decided).toBe(true);
    expect(seen).toEqual(['sqli:sqli here']);
  });

  it('keeps going while the findings stay under the decisive score, adding them up', () => {
    const seen: string[] = [];
    const inspector = inspectorOver(
      ['sqli and xss', 'cmdi'],
      [analyzer('sqli', 0.7, seen), analyzer('xss', 0.7, seen), analyzer('cmdi', 0.7, seen)],
    );
    // 0.7 alone is under 1; 0.7 + 0.7 / 2 is over it: decided after the second analyzer on the first value.
    const inspection = inspector.inspect(VIEW, { decisiveScore: 1 });
    expect(inspection.decided).toBe(true);
    expect(seen).toEqual(['sqli:sqli and xss', 'xss:sqli and xss']);
  });

  it('counts only the findings that keep lets through', () => {
    const seen: string[] = [];
    const inspector = inspectorOver(
      ['sqli here', 'xss here'],
      [analyzer('sqli', 1, seen), analyzer('xss', 1, seen)],
    );
    const inspection = inspector.inspect(VIEW, {
      decisiveScore: 0.9,
      keep: (found) => found.filter((f) => f.analyzer !== 'sqli'),
    });
    expect(inspection.findings.map((f) => f.analyzer)).toEqual(['xss']);
    expect(seen).toEqual(['sqli:sqli here', 'xss:sqli here', 'sqli:xss here', 'xss:xss here']);
  });

  it('is clean when nothing is found', () => {
    const inspector = inspectorOver(['plain'], [analyzer('sqli', 1, [])]);
    expect(inspector.inspect(VIEW, { decisiveScore: 0.9 })).toEqual({
      findings: [],
      overLimits: [],
      overBudget: false,
      decided: false,
    });
  });

  it('analyzes a remembered value once and answers the same from the memo', () => {
    const seen: string[] = [];
    const inspector = createInspector({
      analyzers: [analyzer('sqli', 1, seen), analyzer('xss', 1, seen)],
      extract: (view) => ({
        view,
        values: [{ location: 'header.user-agent', kind: 'header-value', value: 'xss and sqli' }],
        contentType: '',
        overLimits: [],
      }),
      normalize: (item) => [{ value: item.value, transforms: [] }],
      memo: createValueMemo({ kinds: ['header-value'], maxLength: 64, maxEntries: 8 }),
    });
    const first = inspector.inspect(VIEW, { decisiveScore: 0.9 });
    const second = inspector.inspect(VIEW, { decisiveScore: 0.9 });
    // A remembered value is analyzed in full, whatever the decisive score, so that the answer is whole.
    expect(seen).toEqual(['sqli:xss and sqli', 'xss:xss and sqli']);
    expect(second.findings).toEqual(first.findings);
    expect(first.findings.map((f) => f.analyzer)).toEqual(['sqli', 'xss']);
  });

  it('hands the received + spelling of a form value only to analyzers that read it', () => {
    const spellings: Record<string, string[]> = {};
    const recorder = (id: string, readsFormPlus: boolean): Analyzer => ({
      id,
      readsFormPlus,
      analyzeValue: ({ variants }) => {
        spellings[id] = variants.map((v) => v.value);
        return [];
      },
    });
    const over = (value: string, decoded: string, transforms: string[]) =>
      createInspector({
        analyzers: [recorder('spaced', false), recorder('raw', true)],
        extract: (view) => ({
          view,
          values: [{ location: 'body.form.msg', kind: 'body-value', value }],
          contentType: '',
          overLimits: [],
        }),
        normalize: () => [
          { value, transforms: [] },
          { value: decoded, transforms },
        ],
      });
    // `+` is the only encoding: the server reads the spaced spelling, which most analyzers get alone.
    over('a+b', 'a b', ['plus-space']).inspect(VIEW);
    expect(spellings.spaced).toEqual(['a b']);
    expect(spellings.raw).toEqual(['a+b', 'a b']);
    // Anything else encoded: every analyzer gets the value as received too.
    over('a+%41', 'a A', ['plus-space', 'url-decode']).inspect(VIEW);
    expect(spellings.spaced).toEqual(['a+%41', 'a A']);
    expect(spellings.raw).toEqual(['a+%41', 'a A']);
  });
});
