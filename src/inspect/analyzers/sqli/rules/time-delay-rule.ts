import { isRole } from '../is-role.js';
import type { SqlHit, SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';
import { lastPart, WORD_FLAG } from '../sql-words.js';

// A count that keeps a server busy for a noticeable time: bytes of random data, repetitions of a string.
const HEAVY_COUNT = 1_000_000;
// Tokens of a heavy call's arguments looked at for its count.
const HEAVY_SPAN = 48;
// Roles after which a call is part of SQL rather than a lone word in prose.
const SQL_CONTEXT = '&=o,(Esk;T';

/**
 * `sleep(5)`, `benchmark(5000000,md5(1))`, `pg_sleep(5)`, `waitfor delay '0:0:5'`, `dbms_pipe.receive_message(
 * ('a'),5)`: making the response slow to read data one bit at a time.
 */
export const timeDelayRule: SqlRule = {
  name: 'time-delay',
  check(view) {
    const { shape, tokens } = view;
    if ((view.allFlags & (WORD_FLAG.delay | WORD_FLAG.heavy)) === 0 && !shape.includes('T')) return undefined;
    let best: SqlHit | undefined;
    for (let i = 0; i < shape.length; i++) {
      let confidence = 0;
      if (shape[i] === 'f' && (view.flags[i]! & WORD_FLAG.delay) !== 0) {
        confidence = callConfidence(view, i);
      } else if (shape[i] === 'f' && (view.flags[i]! & WORD_FLAG.heavy) !== 0) {
        confidence = heavyCount(view, i) ? 1 : 0;
      } else if (shape[i] === 'n' && shape[i - 1] === 'E' && (view.flags[i]! & WORD_FLAG.delay) !== 0) {
        // `select pg_sleep`, cut before its argument; `select sleep` could be prose.
        confidence = tokens[i]!.text === 'sleep' ? 0 : 0.9;
      } else if (shape[i] === 'T' && tokens[i]!.text === 'waitfor' && shape[i + 2] === 's') {
        const kind = tokens[i + 1]!.text;
        confidence = kind === 'delay' || kind === 'time' ? 1 : 0;
      }
      if (confidence > 0 && (best === undefined || confidence > best.confidence)) {
        best = { confidence, first: i, last: Math.min(shape.length - 1, i + 4) };
      }
    }
    return best;
  },
};

function callConfidence(view: SqlView, i: number): number {
  const { shape, tokens } = view;
  const name = lastPart(tokens[i]!.text);
  const arg = shape[i + 2];
  // A delay takes a number (or an expression, or a subquery); `sleep(well)` is prose.
  const before = i === 0 ? '' : shape[i - 1]!;
  const inSql = isRole(before, SQL_CONTEXT);
  const numeric =
    arg === '1' || arg === '(' || arg === 'E' || arg === 'o' || (arg === 's' && (inSql || name !== 'sleep'));
  // Oracle's pipe wait takes the pipe's name first (`dbms_pipe.receive_message(chr(76)||chr(116),5)`).
  if (tokens[i]!.text === 'dbms_pipe.receive_message') return 1;
  if (!numeric) return 0;
  if (name === 'benchmark') return countThenExpression(shape, i + 3) ? 1 : 0.6;
  // `sleep` is also a word and a function of many languages; the SQL-only names are decisive.
  if (name !== 'sleep') return 1;
  return inSql ? 0.95 : 0.7;
}

/**
 * `randomblob(500000000/2)`, `repeat(right(char(3702),0),500000000)`: a blob or a string made huge, the
 * delay of databases without a sleep (SQLite) or where sleep is filtered; `hex(randomblob(16))` makes an id.
 */
function heavyCount(view: SqlView, i: number): boolean {
  const { shape, tokens } = view;
  let depth = 0;
  for (let k = i + 1; k < shape.length && k < i + HEAVY_SPAN; k++) {
    if (shape[k] === '(') depth++;
    else if (shape[k] === ')' && --depth === 0) return false;
    else if (shape[k] === '1' && Number(tokens[k]!.text) >= HEAVY_COUNT) return true;
  }
  return false;
}

/**
 * `benchmark(5000000,`, `benchmark(50*1000,`, `benchmark(2999/**\/999,` (a comment splits the count): the
 * count, numbers and operators only, then the expression to repeat.
 */
function countThenExpression(shape: string, k: number): boolean {
  if (shape[k] === 'o') return true;
  for (let j = k; j < k + 4; j++) {
    if (shape[j] === ',') return true;
    if (shape[j] !== '1' && shape[j] !== 'o') return false;
  }
  return false;
}
