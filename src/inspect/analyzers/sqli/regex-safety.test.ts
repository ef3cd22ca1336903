import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every regular expression literal in this folder runs against long adversarial inputs built from its own
// characters: a pattern that backtracks catastrophically takes seconds there; a safe one, microseconds.

const LIMIT_MS = 50;
const LENGTH = 50_000;
const folder = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

// Regex literals, as the TypeScript parser sees them (not slashes in comments or divisions).
function regexLiterals(file: string): RegExp[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: RegExp[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const end = node.text.lastIndexOf('/');
      found.push(new RegExp(node.text.slice(1, end), node.text.slice(end + 1).replace(/[gy]/g, '')));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function adversarial(regex: RegExp): string[] {
  const chars = [...new Set(regex.source.replace(/\\[a-z]/gi, ' ').replace(/[\\^$.*+?()[\]{}|]/g, ''))];
  const inputs = [
    `${'a'.repeat(LENGTH)}!`,
    ' '.repeat(LENGTH),
    `${'1 '.repeat(LENGTH / 2)}x`,
    '\n'.repeat(LENGTH),
  ];
  for (const c of chars.slice(0, 12)) inputs.push(`${c.repeat(LENGTH)}!`);
  inputs.push(`${chars.join('').repeat(Math.ceil(LENGTH / Math.max(1, chars.length)))}\u0000`);
  return inputs;
}

describe('sqli regexes', () => {
  const all = sources(folder).flatMap((file) => regexLiterals(file).map((regex) => ({ file, regex })));

  it('are found', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  for (const { file, regex } of all) {
    it(`${file.slice(folder.length)} ${regex.source.slice(0, 60)} is linear on adversarial input`, () => {
      for (const input of adversarial(regex)) {
        const start = performance.now();
        regex.test(input);
        expect(performance.now() - start).toBeLessThan(LIMIT_MS);
      }
    });
  }
});
