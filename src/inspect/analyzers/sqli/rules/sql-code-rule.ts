import { isBareComment } from '../bare-comment.js';
import { newExpressionFacts } from '../expression-facts.js';
import { hasGluedComment } from '../glued-comment.js';
import { skipGroup } from '../parse-sql-expression.js';
import type { SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';
import { INFO_VARIABLES, WORD_FLAG } from '../sql-words.js';
import { statementStrength } from './statement-strength.js';

// A value that is SQL may be a code sample or the input of a query tool: never decisive alone.
const WEIGHT = 0.75;
const CALLABLE = WORD_FLAG.sqlFunction | WORD_FLAG.builtin | WORD_FLAG.info;
// Words a statement cannot end on: the application's query goes on after the value.
const DANGLING = new Set(['where', 'and', 'or', 'having', 'on', 'set', 'from', 'by']);

/**
 * A value that is itself SQL code: a statement (`select * from users`, `drop table x`, `exec (@q)`), a CASE
 * expression, or SQL functions nested to extract data (`ascii(substring(version(),1,1))`). A code sample is
 * complete; a statement that leaves its end to the application (`select 1 from t where`), cuts the rest with
 * a bare comment (`delete from users;--`), or hides in comments (`/*!50000select`, `select/**\/x`) is injected.
 */
export const sqlCodeRule: SqlRule = {
  name: 'sql-code',
  check(view) {
    if (view.quote !== '') return undefined;
    const { shape, tokens } = view;
    let first = 0;
    while (shape[first] === '(') first++;
    const last = tokens.length - 1;
    const role = shape[first];
    if (role === 'T' || role === 'E') {
      const strength = statementStrength(view, first);
      if (strength === 0) return undefined;
      // `select x from y where` could still be words; `select 1 from y where` could not.
      const hidden = view.input.includes('/*!') || hasGluedComment(view);
      const weight = hidden || (strength >= 0.95 && isInjected(view)) ? 1 : WEIGHT;
      return { confidence: Math.round(strength * weight * 100) / 100, first, last };
    }
    if (tokens[first]?.text === 'case' && isCase(view, first)) {
      return { confidence: probesCase(view, first) ? 0.9 : 0.6, first, last };
    }
    if (role === 'f' && (view.flags[first]! & CALLABLE) !== 0) {
      const facts = newExpressionFacts();
      const end = skipGroup(view, first + 1, facts);
      // `length(version())`, `ascii(substring(user(),1,1))`, `mid(@@hostname,1,1)`: the server's identity, sliced.
      if (fingerprints(view, first + 1, end)) return { confidence: 0.9, first, last };
      if (facts.sqlCalls >= 2 || facts.subqueries > 0) return { confidence: 0.6, first, last };
    }
    return undefined;
  },
};

/** `case [x] when ... then ... end`, in that order. */
function isCase(view: SqlView, i: number): boolean {
  let seen = 0;
  const order = ['when', 'then', 'end'];
  for (let k = i + 1; k < view.tokens.length && seen < order.length; k++) {
    if (view.shape[k] === 'k' && view.tokens[k]!.text === order[seen]) seen++;
  }
  return seen === order.length;
}

function isInjected(view: SqlView): boolean {
  const { tokens, shape } = view;
  const last = tokens[tokens.length - 1]!;
  if (view.trailingComment !== undefined && isBareComment(view.trailingComment)) return true;
  return (shape[shape.length - 1] === '=' && last.kind === 'operator') || DANGLING.has(last.text);
}

/** `case when (4831=4831) then 1 else 0 end`: a condition on two numbers, the blind probe of sqlmap & co. */
function probesCase(view: SqlView, i: number): boolean {
  const { shape, tokens } = view;
  for (let k = i + 1; k < tokens.length && tokens[k]!.text !== 'then'; k++) {
    if (shape[k] === '=' && shape[k - 1] === '1' && shape[k + 1] === '1') return true;
    if (shape[k] === '=' && shape[k - 1] === ')' && shape[k + 1] === '1') return true;
  }
  return false;
}

/** Whether the tokens in [from, to) call a function or read a variable that names the server or the user. */
function fingerprints(view: SqlView, from: number, to: number): boolean {
  const { shape, tokens, flags } = view;
  for (let k = from; k < to; k++) {
    if (shape[k] === 'v' && INFO_VARIABLES.has(tokens[k]!.text)) return true;
    // `user` alone is a column as often as a function; `current_user` is not.
    const called = shape[k] === 'f' || (shape[k] === 'n' && tokens[k]!.text.includes('_'));
    if (called && (flags[k]! & WORD_FLAG.info) !== 0) return true;
  }
  return false;
}
