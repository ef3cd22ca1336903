import { isRole } from './is-role.js';
import type { SqlToken } from './sql-token.js';
import type { SqlView } from './sql-view.js';
import {
  ARITHMETIC_WORDS,
  CLAUSE_WORDS,
  COMPARISON_WORDS,
  LITERAL_WORDS,
  LOGIC_WORDS,
  STATEMENT_WORDS,
  UNION_WORDS,
  wordFlags,
} from './sql-words.js';
import type { SqlQuote } from './tokenize-sql.js';

const COMPARISON_OPERATORS = new Set([
  '=',
  '==',
  '<>',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '<=>',
  '!<',
  '!>',
  '~*',
  '!~',
  ':=',
  // PostgreSQL JSON containment and key tests.
  '<@',
  '@>',
  '@?',
  '?',
  '?|',
  '?&',
]);
const FIXED_ROLES: Record<string, string> = {
  string: 's',
  number: '1',
  variable: 'v',
  open: '(',
  close: ')',
  comma: ',',
  semicolon: ';',
  other: '?',
};

// Role of each keyword, whatever follows it; `u` marks set operators that are words too (`except`, `minus`).
const WORD_ROLES = new Map<string, string>();
const assign = (set: ReadonlySet<string>, role: string): void => {
  for (const word of set) if (!WORD_ROLES.has(word)) WORD_ROLES.set(word, role);
};
WORD_ROLES.set('select', 'E').set('union', 'U').set('not', '!');
assign(LITERAL_WORDS, '1');
assign(LOGIC_WORDS, '&');
assign(COMPARISON_WORDS, '=');
assign(ARITHMETIC_WORDS, 'o');
assign(UNION_WORDS, 'u');
assign(STATEMENT_WORDS, 'T');
assign(CLAUSE_WORDS, 'k');
// Roles a following `(` cannot turn into a call.
const FINAL_ROLES = '1&!=oEU';

/** Folds a token list into a `SqlView`: drops comments and assigns each code token its role and flags. */
export function foldSql(input: string, quote: SqlQuote, all: readonly SqlToken[]): SqlView {
  const tokens: SqlToken[] = [];
  let innerComments = 0;
  for (const token of all) {
    if (token.kind !== 'comment') tokens.push(token);
    else if (tokens.length > 0) innerComments++;
  }
  const last = all[all.length - 1];
  const trailingComment = last?.kind === 'comment' ? last : undefined;
  if (trailingComment !== undefined && tokens.length > 0) innerComments--;
  const roles: string[] = new Array(tokens.length);
  const flags: number[] = new Array(tokens.length);
  let allFlags = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const role = roleOf(token, tokens[i + 1]);
    roles[i] = role;
    const bits = role === 'n' || role === 'f' ? wordFlags(token.text) : 0;
    flags[i] = bits;
    allFlags |= bits;
  }
  return { input, quote, tokens, shape: roles.join(''), flags, allFlags, trailingComment, innerComments };
}

function roleOf(token: SqlToken, next: SqlToken | undefined): string {
  if (token.kind !== 'word' && token.kind !== 'operator') return FIXED_ROLES[token.kind]!;
  const text = token.text;
  if (token.kind === 'operator') {
    if (text === '&&' || text === '||') return '&';
    if (COMPARISON_OPERATORS.has(text)) return '=';
    return text === '!' || text === '~' ? '!' : 'o';
  }
  if (token.quote !== '') return 'n';
  const role = WORD_ROLES.get(text);
  if (isRole(role, FINAL_ROLES)) return role!;
  if (role === 'u') return next?.text === 'select' || next?.text === 'all' ? 'U' : 'n';
  if (next?.kind === 'open') {
    // `exec('...')` runs dynamic SQL; any other word before `(` is a call, unless it is a clause keyword.
    if (text === 'exec' || text === 'execute') return 'T';
    return role === 'k' && text !== 'left' && text !== 'right' ? 'k' : 'f';
  }
  return role ?? 'n';
}
