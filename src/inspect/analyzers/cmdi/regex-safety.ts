// Test support: finds the regular-expression literals in a source file and builds the inputs that make
// badly written ones backtrack for seconds. Used by each analyzer's test; no analyzer imports it.

const LITERAL = /(?:[=(,:?!&|[{};]|return) *\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuvy]*)/g;
const LENGTH = 50_000;

const BLOCK_COMMENT = /\/\*[\s\S]*?\*\//g;
const LINE_COMMENT = /(?:^|\s)\/\/ [^\n]*/g;

/** Every regex literal in a TypeScript source text (comments left out), compiled. */
export function regexLiterals(source: string): RegExp[] {
  const code = source.replace(BLOCK_COMMENT, '').replace(LINE_COMMENT, '');
  const out: RegExp[] = [];
  for (const m of code.matchAll(LITERAL)) out.push(new RegExp(m[1]!, m[2]!));
  return out;
}

/** Long inputs of one repeated character (letters, digits, dots, slashes and the regex's own literals). */
export function adversarialInputs(regex: RegExp): string[] {
  const chars = new Set([
    'a',
    '0',
    '1',
    '.',
    '/',
    '\\',
    '%',
    '$',
    '{',
    '-',
    ' ',
    ':',
    '@',
    '[',
    '(',
    "'",
    '"',
    'x',
  ]);
  // Every printable character the pattern names, escaped ones (`\?`, `\.`) included.
  for (const c of regex.source) if (/[\x20-\x7e]/.test(c) && c !== '\\') chars.add(c);
  const out: string[] = [];
  for (const c of chars) {
    out.push(`${c.repeat(LENGTH)}!`);
    out.push(`${`${c}a`.repeat(LENGTH / 2)}\n`);
  }
  out.push(`${'%2e'.repeat(LENGTH / 3)}!`, `${'1.'.repeat(LENGTH / 2)}!`, `${'../'.repeat(LENGTH / 3)}!`);
  return out;
}
