import { isRole } from '../is-role.js';
import { hasFrom, selectListStrength } from '../select-list.js';
import type { SqlView } from '../sql-view.js';
import { lastPart, SYSTEM_ROUTINES } from '../sql-words.js';

const DROPPABLE = new Set(['table', 'database', 'schema', 'view', 'procedure', 'function', 'user', 'index']);
const CREATABLE = new Set([...DROPPABLE, 'login', 'trigger', 'or']);
const DELETE_MODIFIERS = new Set(['low_priority', 'quick', 'ignore']);
const INSERT_SOURCES = new Set(['values', 'value', 'select', 'set', 'default']);
const DROP_ENDINGS = new Set(['cascade', 'restrict', 'purge']);
const DEFINITIONS = new Set([
  'as',
  'on',
  'returns',
  'begin',
  'add',
  'drop',
  'modify',
  'change',
  'rename',
  'alter',
  'engine',
  'identified',
  'with',
  'set',
  'owner',
  'character',
]);

/**
 * How sure we are that the statement starting at token `i` is SQL: 0 when the words only look like SQL
 * (`drop me a line`, `exec will create`), up to 0.95 for `drop table x`, `exec xp_cmdshell`, `shutdown`.
 */
export function statementStrength(view: SqlView, i: number, depth = 0): number {
  const { shape, tokens } = view;
  const word = tokens[i]?.text;
  const next = tokens[i + 1];
  const nextRole = shape[i + 1];
  switch (word) {
    case 'drop':
    case 'truncate':
      return next !== undefined && DROPPABLE.has(next.text) && endsDrop(view, i + 2) ? 0.95 : 0;
    case 'create':
    case 'alter':
      return next !== undefined && CREATABLE.has(next.text) && definesObject(view, i + 2) ? 0.9 : 0;
    case 'delete': {
      let k = i + 1;
      while (DELETE_MODIFIERS.has(tokens[k]?.text ?? '')) k++;
      return tokens[k]?.text === 'from' && isName(shape[k + 1]) ? 0.95 : 0;
    }
    case 'insert':
      // `insert into t (a) values`, `insert into t values`, `insert into t select`: not `insert into cart`.
      if (next?.text !== 'into' || !isName(shape[i + 2])) return 0;
      return shape[i + 2] === 'f' || shape[i + 3] === '(' || INSERT_SOURCES.has(tokens[i + 3]?.text ?? '')
        ? 0.95
        : 0;
    case 'replace': {
      // MySQL's REPLACE [INTO] t (a) VALUES ..., not the string function `replace(`.
      const k = next?.text === 'into' ? i + 2 : i + 1;
      // `replace old values` is English: the statement needs INTO or a column list.
      if ((shape[k] !== 'n' && shape[k] !== 'f') || (k === i + 1 && shape[k + 1] !== '(')) return 0;
      const after = shape[k + 1] === '(' ? skipParens(shape, k + 1) : k + 1;
      return INSERT_SOURCES.has(tokens[after]?.text ?? '') && tokens[after]?.text !== 'default' ? 0.95 : 0;
    }
    case 'update':
      return nextRole === 'n' && tokens[i + 2]?.text === 'set' && shape[i + 4] === '=' ? 0.95 : 0;
    case 'exec':
    case 'execute':
      return execStrength(view, i + 1);
    case 'declare':
      return nextRole === 'v' ? 0.9 : 0;
    case 'shutdown':
      return next === undefined || next.text === 'with' || nextRole === ';' ? 0.9 : 0;
    case 'waitfor':
      return (next?.text === 'delay' || next?.text === 'time') && shape[i + 2] === 's' ? 0.95 : 0;
    case 'select':
      if (selectListStrength(view, i) !== 'strong') return 0;
      // A list of literals or calls selected from a table is no natural sentence; `select x from y` could be.
      if (hasFrom(view, i)) return isRole(nextRole, '1svf(o') || next!.text === '*' ? 0.95 : 0.9;
      // `select 1,2`, `select char(...)`, `select case when …`: a list, a call or a CASE; `select 'and'` could be
      // anything.
      return shape.indexOf(',', i) > 0 ||
        shape[i + 1] === 'f' ||
        shape[i + 1] === '(' ||
        next!.text === 'case'
        ? 0.8
        : 0.5;
    case 'set':
      return nextRole === 'v' && shape[i + 2] === '=' ? 0.8 : 0;
    case 'load':
      return next?.text === 'data' || next?.text === 'xml' ? 0.9 : 0;
    case 'begin':
      return depth < 2 && shape[i + 1] === 'T' ? statementStrength(view, i + 1, depth + 1) : 0;
    case 'use':
      // `use master exec xp_cmdshell ...`
      if (nextRole !== 'n') return 0;
      return depth < 2 && shape[i + 2] === 'T' ? statementStrength(view, i + 2, depth + 1) : 0;
    default:
      return 0;
  }
}

/** `drop table [if exists] a[, b] [cascade]` ends after the names: `drop table tennis for chess` is prose. */
function endsDrop(view: SqlView, i: number): boolean {
  const { shape, tokens } = view;
  let k = i;
  if (tokens[k]?.text === 'if' && tokens[k + 1]?.text === 'exists') k += 2;
  if (!isName(shape[k])) return false;
  k++;
  while (shape[k] === ',' && isName(shape[k + 1])) k += 2;
  return k >= shape.length || shape[k] === ';' || DROP_ENDINGS.has(tokens[k]!.text);
}

/** `create table t (`, `create view v as`, `alter table t add`: a name, then its definition. */
function definesObject(view: SqlView, i: number): boolean {
  const { shape, tokens } = view;
  let k = i;
  if (tokens[k]?.text === 'replace') k++; // create or replace
  if (CREATABLE.has(tokens[k]?.text ?? '') && k > i) k++;
  if (tokens[k]?.text === 'if') k += tokens[k + 1]?.text === 'not' ? 3 : 2;
  if (shape[k] === 'f') return true;
  if (!isName(shape[k]) && shape[k] !== 's') return false;
  const after = tokens[k + 1];
  if (after === undefined) return tokens[i - 1]!.text === 'database' || tokens[i - 1]!.text === 'schema';
  return shape[k + 1] === '(' || DEFINITIONS.has(after.text);
}

/** A table name: a word, a keyword used as one (`table`), or a name followed by its column list. */
function isName(role: string | undefined): boolean {
  return role === 'n' || role === 'k' || role === 'f';
}

function execStrength(view: SqlView, i: number): number {
  const token = view.tokens[i];
  if (token === undefined) return 0;
  const role = view.shape[i];
  if (role === 'v' || role === 's' || token.text === 'immediate') return 0.95;
  // `exec(@sql)`, `exec(char(...))`, `exec('...')`; PHP's `exec($cmd)` has no SQL inside.
  if (role === '(') return isRole(view.shape[i + 1], 'vsEf') ? 0.95 : 0;
  const name = lastPart(token.text);
  if (SYSTEM_ROUTINES.has(name) || name.startsWith('xp_') || name.startsWith('sp_')) return 0.95;
  return 0;
}

/** The index after the parenthesized group that opens at `i`, or the end when it never closes. */
function skipParens(shape: string, i: number): number {
  let depth = 0;
  for (let k = i; k < shape.length; k++) {
    if (shape[k] === '(') depth++;
    else if (shape[k] === ')' && --depth === 0) return k + 1;
  }
  return shape.length;
}
