import {
  CALL_SINKS,
  CONTEXT_NAMES,
  MEMBER_SINKS,
  RUNTIME_OBJECTS,
  STATEMENT_KEYWORDS,
  STRONG_NAMES,
} from './ssti-vocabulary.js';
import type { ExpressionToken } from './tokenize-expression.js';

/** What an expression does, strongest first. */
export type Signal = 'strong' | 'sink' | 'statement' | 'context' | 'probe' | 'call';

const RANK: Readonly<Record<Signal, number>> = {
  strong: 6,
  sink: 5,
  statement: 4,
  context: 3,
  probe: 2,
  call: 1,
};

/** The strongest signal of an expression and the offset of the token that gave it. */
export interface Judgement {
  readonly signal: Signal;
  readonly at: number;
}

const DUNDER = /^__\w+__$/;
const HIDDEN_DUNDER = /__\w{2,30}__/;
const ESCAPE = /\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})/g;
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '(', ')']);
const IMPORTABLE = new Set([
  ...RUNTIME_OBJECTS,
  'subprocess',
  'socket',
  'pty',
  'commands',
  'posix',
  'importlib',
]);

function is(token: ExpressionToken | undefined, text: string): boolean {
  return token !== undefined && token.text === text && token.type === 'punct';
}

function nameSignal(tokens: readonly ExpressionToken[], i: number): Signal | undefined {
  const { text } = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (DUNDER.test(text) || STRONG_NAMES.has(text)) return 'strong';
  // SpEL `T(java.lang.Runtime)`, Freemarker `?new()` / `?api`, Python `import os`.
  if (text === 'T' && is(next, '(') && tokens[i + 2]?.type === 'name') return 'strong';
  if ((text === 'new' || text === 'api') && is(prev, '?')) return 'strong';
  if (text === 'import' && next?.type === 'name' && IMPORTABLE.has(next.text)) return 'strong';
  const called = is(next, '(') || next?.type === 'string' || next?.type === 'backtick';
  if (CALL_SINKS.has(text) && called) return 'sink';
  const owner = tokens[i - 2];
  if (MEMBER_SINKS.has(text) && is(prev, '.') && owner?.type === 'name' && RUNTIME_OBJECTS.has(owner.text)) {
    return 'sink';
  }
  if (CONTEXT_NAMES.has(text) && !is(prev, '.')) return 'context';
  // Smarty names its own context object as a variable: `{$smarty.version}`.
  if (text === '$smarty' && is(next, '.')) return 'context';
  return is(next, '(') ? 'call' : undefined;
}

/** Python/JS string escapes (`\x5f`, `\u005f`) hide dunder names from a plain look. */
function unescapeString(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(ESCAPE, (_, x: string | undefined, u: string | undefined) =>
    String.fromCharCode(Number.parseInt(x ?? u!, 16)),
  );
}

function stringSignal(tokens: readonly ExpressionToken[], i: number): Signal | undefined {
  const text = unescapeString(tokens[i]!.text);
  // Filters and lookups take names as strings: `|attr('__globals__')`, `|filter('system')`.
  if (HIDDEN_DUNDER.test(text) || STRONG_NAMES.has(text) || text.startsWith('java.lang.')) return 'strong';
  const prev = tokens[i - 1];
  if (CALL_SINKS.has(text) && (is(prev, '(') || is(prev, ',') || prev?.type === 'name')) return 'sink';
  return undefined;
}

/** `7*7`, `7*'7'`, `(3+4)`: literals and arithmetic only, at least one operator between two operands. */
function isProbe(tokens: readonly ExpressionToken[]): boolean {
  let operands = 0;
  let operators = 0;
  let numbers = 0;
  for (const t of tokens) {
    if (t.type === 'number') numbers++;
    if (t.type === 'number' || t.type === 'string') operands++;
    else if (t.type === 'punct' && ARITHMETIC.has(t.text))
      operators += t.text === '(' || t.text === ')' ? 0 : 1;
    else return false;
  }
  return numbers > 0 && operands >= 2 && operators > 0;
}

function statementKeyword(tokens: readonly ExpressionToken[]): ExpressionToken | undefined {
  const first = tokens[0]?.type === 'punct' && tokens[0].text === '#' ? tokens[1] : tokens[0];
  return first?.type === 'name' && STATEMENT_KEYWORDS.has(first.text) ? first : undefined;
}

function stronger(
  best: Judgement | undefined,
  signal: Signal | undefined,
  at: number,
): Judgement | undefined {
  if (signal === undefined || (best !== undefined && RANK[signal] <= RANK[best.signal])) return best;
  return { signal, at };
}

/**
 * Judges a template expression: reflection or runtime access (`strong`), a command/eval/file call
 * (`sink`), a control statement, a context object (`config`, `self`), an arithmetic probe, or any call.
 * `statements` says whether the syntax is a statement tag, where a leading keyword counts.
 */
export function judgeExpression(
  tokens: readonly ExpressionToken[],
  statements: boolean,
): Judgement | undefined {
  let best: Judgement | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let signal: Signal | undefined;
    if (token.type === 'name') signal = nameSignal(tokens, i);
    else if (token.type === 'string') signal = stringSignal(tokens, i);
    else if (token.type === 'backtick' && token.text.trim() !== '') signal = 'sink';
    best = stronger(best, signal, token.at);
    if (best?.signal === 'strong') return best;
  }
  if (statements) {
    const keyword = statementKeyword(tokens);
    if (keyword !== undefined) best = stronger(best, 'statement', keyword.at);
  }
  if (best === undefined && isProbe(tokens)) return { signal: 'probe', at: 0 };
  return best;
}
