import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

// Regex literals: a `/` where an expression may start, up to the closing unescaped `/` outside a class.
function regexLiterals(text: string): RegExp[] {
  const found: RegExp[] = [];
  const start = /(?:^|[=(,:!&|?;{}\s])\/(?![/*])/gm;
  for (let m = start.exec(text); m !== null; m = start.exec(text)) {
    let i = m.index + m[0].length;
    let inClass = false;
    let body = '';
    for (; i < text.length && text[i] !== '\n'; i++) {
      const c = text[i]!;
      if (c === '\\') {
        body += c + text[i + 1];
        i++;
      } else if (c === '[') {
        inClass = true;
        body += c;
      } else if (c === ']') {
        inClass = false;
        body += c;
      } else if (c === '/' && !inClass) break;
      else body += c;
    }
    if (text[i] !== '/' || body === '') continue;
    const flags = /^[a-z]*/.exec(text.slice(i + 1))![0];
    try {
      found.push(new RegExp(body, flags.replace(/[gy]/g, '')));
    } catch {
      // a division, not a regex
    }
  }
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
  const all = sources(folder).flatMap((file) =>
    regexLiterals(readFileSync(file, 'utf8')).map((regex) => ({ file, regex })),
  );

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
