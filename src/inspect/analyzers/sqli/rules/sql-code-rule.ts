import { isBareComment } from '../bare-comment.js';
import { newExpressionFacts } from '../expression-facts.js';
import { extractsData } from '../extraction-markers.js';
import { hasGluedComment } from '../glued-comment.js';
import { isRole } from '../is-role.js';
import { skipGroup } from '../parse-sql-expression.js';
import type { SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';
import { INFO_VARIABLES, WORD_FLAG } from '../sql-words.js';
import { statementStrength } from './statement-strength.js';

const UNARY = new Set(['binary']);
const EXTRACTING = 0.9;
const CASE_WORDS = new Set(['when', 'then', 'else']);

// A value that is SQL may be a code sample or the input of a query tool: never decisive alone.
const WEIGHT = 0.75;
const CALLABLE = WORD_FLAG.sqlFunction | WORD_FLAG.builtin | WORD_FLAG.info;
// `SELECT-1e1FROM`, `SELECT~1.FROM`, `SELECT\NFROM`: a keyword glued to an operand, the way MySQL's lexer
// allows and a filter splitting on blanks does not see; no one writes a query so.
const GLUED_KEYWORD = /\bselect(?=[-~@\\+!])|(?:\d\.?|\\n)from\b/i;
// Words a statement cannot end on: the application's query goes on after the value.
const DANGLING = new Set(['where', 'and', 'or', 'having', 'on', 'set', 'from', 'by']);

/**
 * A value that is itself SQL code: a statement (`select * from users`, `drop table x`, `exec (@q)`), a CASE
 * expression, or SQL functions nested to extract data (`ascii(substring(version(),1,1))`). A code sample is
 * complete; a statement that leaves its end to the application (`select 1 from t where`), cuts the rest with
 * a bare comment (`delete from users;--`), hides in comments (`/*!50000select`, `select/**\/x`), or is written
 * to read data back (`select 1,2,3`, `concat_ws(0x3a,login,password)`) is injected.
 */
export const sqlCodeRule: SqlRule = {
  name: 'sql-code',
  check(view) {
    // `1,(case when 2872=2872 then 1 else null end)`, `1',(case …)`: a constant CASE added to a list the
    // value closes.
    const listed = listedCase(view);
    if (listed >= 0) return { confidence: 0.9, first: listed, last: view.tokens.length - 1 };
    if (view.quote !== '') return undefined;
    // `'qvkzq'||(case when (4821=4821) then 1 else 0 end)||'qpxjq'`: a CASE that decides on a number
    // compared with itself, wherever it sits, is a probe of what the server answers.
    const selfCase = selfComparingCase(view);
    if (selfCase >= 0) return { confidence: 0.9, first: selfCase, last: view.tokens.length - 1 };
    const { shape, tokens } = view;
    let first = 0;
    while (shape[first] === '(') first++;
    const last = tokens.length - 1;
    const role = shape[first];
    if (role === 'T' && droppedUnder(view, first)) return { confidence: 0.9, first, last };
    if (first === 0 && fromQualified(view)) return { confidence: 0.9, first, last };
    // `select @@version`, `select current_user;`: a query for nothing but the server's identity is a probe.
    if (tokens[first]?.text === 'select' && selectsServerInfo(view, first + 1))
      return { confidence: EXTRACTING, first, last };
    if (role === 'T' || role === 'E') {
      const strength = statementStrength(view, first);
      if (strength === 0) return undefined;
      // `select x from y where` could still be words; `select 1 from y where` could not.
      const hidden = view.input.includes('/*!') || hasGluedComment(view) || GLUED_KEYWORD.test(view.input);
      const weight = hidden || (strength >= 0.95 && isInjected(view)) ? 1 : WEIGHT;
      const confidence = Math.round(strength * weight * 100) / 100;
      // Numbered columns, hex-spelled separators and strings: a query built to read data back.
      if (confidence < EXTRACTING && extractsData(view, first, tokens.length))
        return { confidence: EXTRACTING, first, last };
      return { confidence, first, last };
    }
    if (tokens[first]?.text === 'case' && isCase(view, first)) {
      return { confidence: probesCase(view, first) || isConstantCase(view, first) ? 0.9 : 0.6, first, last };
    }
    if (role === 'f' && (view.flags[first]! & CALLABLE) !== 0) {
      const facts = newExpressionFacts();
      const end = skipGroup(view, first + 1, facts);
      // `make_set(5679=9769,9769)`, `elt(1=1,2)`: SQL's own function handed a literal comparison to decide.
      if (facts.literalComparisons > 0 && end >= tokens.length) return { confidence: 0.9, first, last };
      // `length(version())`, `ascii(substring(user(),1,1))`, `mid(@@hostname,1,1)`: the server's identity, sliced.
      if (fingerprints(view, first + 1, end)) return { confidence: 0.9, first, last };
      if (facts.sqlCalls >= 2 || facts.subqueries > 0) return { confidence: 0.6, first, last };
    }
    return undefined;
  },
};

/** Where a `,(case …)` group starts whose CASE is constant or probes, after the value's first token; else -1. */
function listedCase(view: SqlView): number {
  const { shape, tokens } = view;
  for (let k = shape.indexOf(',(') + 2; k >= 2; k = shape.indexOf(',(', k) + 2) {
    if (tokens[k]?.text === 'case' && isCase(view, k) && (probesCase(view, k) || isConstantCase(view, k)))
      return k - 2;
  }
  return -1;
}

/** `case [x] when ... then ... end`, in that order. */
function isCase(view: SqlView, i: number): boolean {
  let seen = 0;
  const order = ['when', 'then', 'end'];
  for (let k = i + 1; k < view.tokens.length && seen < order.length; k++) {
    if (view.shape[k] === 'k' && view.tokens[k]!.text === order[seen]) seen++;
  }
  return seen === order.length;
}

/**
 * `case 1 when 2 then 2 end`, `case when f(1) then 3 end`: a CASE whose every operand is a literal or a call
 * (no column), so its result is known before it runs: a probe of whether the value reaches SQL, not a query.
 */
function isConstantCase(view: SqlView, i: number): boolean {
  const { shape, tokens } = view;
  let depth = 0;
  for (let k = i; k < tokens.length; k++) {
    const text = tokens[k]!.text;
    const role = shape[k]!;
    if (text === 'case') depth++;
    else if (text === 'end' && role === 'k') return --depth === 0 && k > i + 3;
    else if (
      role === 'k' ? !CASE_WORDS.has(text) : role === 'n' ? !UNARY.has(text) : !isRole(role, '1sf(),o=!&')
    )
      return false;
  }
  return false;
}

/**
 * `drop sampletable;--`, `DROP/**\/users`: DROP or TRUNCATE of one name, then `;` and a bare comment, or with a
 * comment in place of the space; `drop me a line` goes on.
 */
function droppedUnder(view: SqlView, i: number): boolean {
  const { shape, tokens } = view;
  const word = tokens[i]!.text;
  if (word !== 'drop' && word !== 'truncate') return false;
  if (shape[i + 1] !== 'n' || (shape.length !== i + 2 && shape.slice(i + 2) !== ';')) return false;
  const comment = view.trailingComment;
  const ended = shape.length === i + 3 && comment !== undefined && isBareComment(comment);
  return ended || (view.innerComments > 0 && hasGluedComment(view));
}

const FRAGMENT_CLAUSES = new Set(['where', 'limit', 'group', 'order']);

/**
 * `` from `db`.`tbl` limit ``, `` FROM `t` WHERE `t`.`id` = 5 LIMIT ``: the FROM part of a query, with MySQL's
 * quoted and qualified names, then a clause; prose quotes words in backticks but does not qualify them.
 */
function fromQualified(view: SqlView): boolean {
  const { tokens, shape } = view;
  if (tokens[0]!.text !== 'from' || shape[0] !== 'k' || tokens[1]?.quote !== '`') return false;
  if (!FRAGMENT_CLAUSES.has(tokens[2]?.text ?? '') || shape[2] !== 'k') return false;
  for (const token of tokens) if (token.quote === '`' && token.text.includes('`.`')) return true;
  return false;
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

/**
 * Where a `case` starts whose WHEN compares a number with itself (`when 4821=4821`, `when (1=1)`,
 * `case 7 when 7`); else -1.
 */
function selfComparingCase(view: SqlView): number {
  const { shape, tokens } = view;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.text !== 'case' || !isCase(view, i)) continue;
    // `case 4821 when 4821 then …`
    if (shape[i + 1] === '1' && tokens[i + 2]?.text === 'when' && tokens[i + 3]?.text === tokens[i + 1]!.text)
      return i;
    for (let k = i + 1; k < tokens.length && tokens[k]!.text !== 'then'; k++) {
      if (shape[k] === '=' && shape[k - 1] === '1' && shape[k + 1] === '1') {
        if (tokens[k - 1]!.text === tokens[k + 1]!.text) return i;
      }
    }
  }
  return -1;
}

/**
 * Whether every token from `from` on names the server or the user (`@@version`, `version()`, `current_user`,
 * `current_setting('port')`).
 */
function selectsServerInfo(view: SqlView, from: number): boolean {
  const { shape, tokens, flags } = view;
  let named = 0;
  let depth = 0;
  // `select user from dual`: Oracle's one-row table turns `user` into the session's user.
  let end = tokens.length;
  if (tokens[end - 1]?.text === ';') end--;
  const dual = end - from >= 3 && tokens[end - 2]!.text === 'from' && tokens[end - 1]!.text === 'dual';
  if (dual) end -= 2;
  for (let k = from; k < end; k++) {
    const role = shape[k]!;
    if (role === '(') depth++;
    else if (role === ')') depth--;
    // `current_setting('data_directory')`: what a call is handed may be a literal.
    if (
      role === '(' ||
      role === ')' ||
      role === ',' ||
      role === ';' ||
      (depth > 0 && (role === 's' || role === '1'))
    )
      continue;
    if (role === 'v' && INFO_VARIABLES.has(tokens[k]!.text)) named++;
    // `select user` and `Select database` are labels; `user()` and `current_user` are not.
    else if (
      (role === 'f' || (role === 'n' && (dual || tokens[k]!.text.includes('_')))) &&
      (flags[k]! & WORD_FLAG.info) !== 0
    )
      named++;
    else return false;
  }
  return named > 0;
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
