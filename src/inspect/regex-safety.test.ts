import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every regular expression of the detection engine, found by parsing the sources (literals and
// `new RegExp('…')` with a literal pattern), is run against long adversarial inputs built from its own
// characters. A pattern that backtracks catastrophically takes seconds there; a safe one, microseconds.

const root = new URL('.', import.meta.url).pathname;
const LIMIT_MS = 150;
const PUMP_LENGTH = 20_000;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

interface Found {
  readonly where: string;
  readonly regex: RegExp;
}

function regexesIn(file: string): Found[] {
  const text = readFileSync(file, 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: Found[] = [];
  const where = (node: ts.Node) =>
    `${relative(root, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const end = literal.lastIndexOf('/');
      found.push({
        where: where(node),
        regex: new RegExp(
          literal.slice(1, end),
          literal
            .slice(end + 1)
            .replace('g', '')
            .replace('y', ''),
        ),
      });
    } else if (
      ts.isNewExpression(node) &&
      node.expression.getText() === 'RegExp' &&
      node.arguments?.[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      const flags =
        node.arguments[1] && ts.isStringLiteralLike(node.arguments[1]) ? node.arguments[1].text : '';
      found.push({
        where: where(node),
        regex: new RegExp(node.arguments[0].text, flags.replace(/[gy]/g, '')),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Pumps made of what the pattern itself mentions, plus characters that often start ambiguity. */
function pumps(regex: RegExp): string[] {
  const literal = [
    ...new Set(regex.source.replace(/\\[dDwWsSbB]/g, '').replace(/[\\^$*+?()[\]{}|]/g, '')),
  ].slice(0, 24);
  const base = [
    'a',
    'A',
    '0',
    ' ',
    '\t',
    '%',
    '<',
    '>',
    "'",
    '"',
    '/',
    '\\',
    '.',
    '-',
    '=',
    '&',
    ';',
    '$',
    '{',
    'a ',
    'a-',
    '%2',
    '<a',
    '0.',
    "' ",
  ];
  return [...new Set([...base, ...literal])];
}

describe('regular expressions of the detection engine', () => {
  const all = sources(root).flatMap(regexesIn);

  it('are found in the sources', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it('all run in linear time on long adversarial inputs', () => {
    const slow: string[] = [];
    for (const { where, regex } of all) {
      for (const pump of pumps(regex)) {
        for (const tail of ['\u0000!', '']) {
          const input = pump.repeat(Math.ceil(PUMP_LENGTH / pump.length)) + tail;
          const started = performance.now();
          regex.test(input);
          const ms = performance.now() - started;
          if (ms > LIMIT_MS)
            slow.push(
              `${where} /${regex.source}/ took ${ms.toFixed(0)} ms on ${JSON.stringify(pump)}×${(input.length / pump.length) | 0}`,
            );
        }
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);

  it('the check itself catches a catastrophic pattern', () => {
    const evil = /^(a+)+$/;
    const input = `${'a'.repeat(24)}!`;
    const started = performance.now();
    evil.test(input);
    expect(performance.now() - started).toBeGreaterThan(LIMIT_MS);
  });
});
