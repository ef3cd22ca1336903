import type { ExpressionFacts } from './expression-facts.js';
import { isRole } from './is-role.js';
import type { SqlView } from './sql-view.js';
import { INFO_VARIABLES, WORD_FLAG } from './sql-words.js';

// Nesting deeper than this is not needed to judge a value and would only cost time.
const MAX_DEPTH = 16;
const UNARY_WORDS = new Set(['binary', 'distinct', 'prior']);
// Calls that injections make: data slicing and conversion, and server fingerprinting.
const SQL_CALL = WORD_FLAG.sqlFunction | WORD_FLAG.info;
// Comparisons true of two equal literals (`1=1`, `1 like 1`); negated (`1!=2`, `1 is not 2`), of two different ones.
const EQUALITIES = new Set(['=', '==', '<=>', '>=', '<=', 'like', 'rlike', 'regexp', 'ilike', 'glob', 'is']);
const INEQUALITIES = new Set(['!=', '<>']);
// Types a PostgreSQL cast names (`::int`); not `json` or `date`, which end Ruby and C++ names (`ActiveSupport::JSON`).
const CAST_TYPES = new Set([
  'int',
  'int2',
  'int4',
  'int8',
  'integer',
  'bigint',
  'smallint',
  'bool',
  'boolean',
  'jsonb',
  'numeric',
  'float4',
  'float8',
  'double',
  'regclass',
  'oid',
  'bytea',
  'text',
  'varchar',
]);

/**
 * Parses the longest valid SQL expression starting at token `i` (operands joined by comparison, arithmetic
 * and boolean operators). Returns the index after it, or -1 when no operand starts at `i`.
 */
export function parseExpression(view: SqlView, i: number, facts: ExpressionFacts, depth = 0): number {
  const j = parseOperand(view, i, facts, depth);
  return j < 0 ? -1 : continueExpression(view, j, facts, depth);
}

/** Continues an expression after an operand that ends before `j` (a break-out literal, for one). */
export function continueExpression(view: SqlView, j: number, facts: ExpressionFacts, depth = 0): number {
  let termLiteral = facts.lastLiteral;
  const { shape, tokens } = view;
  for (;;) {
    let k = j;
    if (shape[k] === '!' && tokens[k]!.text === 'not' && shape[k + 1] === '=') k++;
    const role = shape[k];
    const text = tokens[k]?.text;
    let next: number;
    if ((role === '=' || role === 'o' || role === '&') && k === shape.length - 1) {
      // The value ends on an operator: a fragment cut short, or the application supplies the operand.
      facts.truncated = true;
      // `' or 'x' <`: a comparison the application completes; only a literal makes it one.
      if (role === '=' && termLiteral) facts.comparisons++;
      return shape.length;
    }
    if (role === '=' || (role === '!' && text === '~' && k === j && !termLiteral)) {
      // (`col ~ b`: PostgreSQL's regular-expression match of a column; `~` is bitwise negation before an operand.)
      next = parseComparison(view, k, facts, depth);
      if (next < 0) return j;
      facts.comparisons++;
      if (termLiteral && facts.lastLiteral) {
        facts.literalComparisons++;
        if (isTautology(view, j, k, next)) facts.tautologies++;
      } else if (selfComparison(view, j, k, next)) {
        // `or x=x`: a column equal to itself holds on every row.
        facts.tautologies++;
      } else if (
        text === 'like' &&
        k === j &&
        next === k + 2 &&
        shape[k + 1] === 's' &&
        /^%+$/.test(tokens[k + 1]!.text)
      ) {
        // `name like '%'` matches every row.
        facts.tautologies++;
      }
    } else if (role === 'o' && text === '::') {
      // PostgreSQL cast: `expr::int`, `expr::double precision`
      if (shape[k + 1] !== 'n' && shape[k + 1] !== 'f') return j;
      const type = tokens[k + 1]!.text;
      if (CAST_TYPES.has(type)) facts.casts++;
      next = shape[k + 1] === 'f' ? skipGroup(view, k + 2, facts) : k + 2;
      if (type === 'double' && tokens[next]?.text === 'precision') next++;
    } else if (role === 'o' || role === '&') {
      next = parseOperand(view, k + 1, facts, depth);
      if (next < 0) return j;
      if (role === '&') facts.logic++;
      else facts.arithmetic++;
      if (role === 'o') facts.lastLiteral &&= termLiteral;
    } else if (role === 'k' && (text === 'collate' || text === 'escape') && shape[k + 1] !== undefined) {
      next = k + 2;
    } else if (role === 'n' && (text === 'notnull' || text === 'isnull')) {
      // PostgreSQL postfix tests
      facts.comparisons++;
      next = k + 1;
    } else {
      return j;
    }
    termLiteral = facts.lastLiteral;
    j = next;
  }
}

/**
 * `1=1`, `'a' like 'a'`, `1!=2`, `1 is not 2`, `'1' not regexp '2'`: a comparison of two lone literals that is
 * always true. `j` is the first token after the left side (`not` or the operator), `k` the operator's.
 */
function isTautology(view: SqlView, j: number, k: number, end: number): boolean {
  const { tokens, shape } = view;
  const left = j - 1;
  let right = k + 1;
  const operator = tokens[k]!.text;
  let negated = k > j;
  if (operator === 'is' && tokens[right]?.text === 'not') {
    negated = true;
    right++;
  }
  if (INEQUALITIES.has(operator)) negated = !negated;
  else if (!EQUALITIES.has(operator)) return false;
  // `1+1=1` and `1=1+1` compare a sum: only a lone token on each side makes the tautology.
  if (end !== right + 1 || left < 0 || shape[left - 1] === 'o' || shape[end] === 'o') return false;
  if (!isRole(shape[left], '1s') || !isRole(shape[right], '1s')) return false;
  // `1 = '1'`: MySQL compares a number and a string as numbers.
  return (tokens[left]!.text === tokens[right]!.text) !== negated;
}

/** `x=x`, `a = a`: a lone identifier compared equal to itself. */
function selfComparison(view: SqlView, j: number, k: number, end: number): boolean {
  const { tokens, shape } = view;
  const left = j - 1;
  const right = k + 1;
  if (k !== j || end !== right + 1 || left < 0 || !EQUALITIES.has(tokens[k]!.text)) return false;
  if (shape[left] !== 'n' || shape[right] !== 'n' || shape[left - 1] === 'o' || shape[end] === 'o')
    return false;
  return tokens[left]!.text === tokens[right]!.text;
}

/** The right side of a comparison at `k`: `IS [NOT] NULL`, `IN (...)`, `BETWEEN a AND b`, `LIKE x`, `= x`. */
function parseComparison(view: SqlView, k: number, facts: ExpressionFacts, depth: number): number {
  const { shape, tokens } = view;
  const word = tokens[k]!.text;
  if (word === 'is') {
    let m = k + 1;
    if (tokens[m]?.text === 'not') m++;
    if (shape[m] !== '1') return -1;
    facts.lastLiteral = true;
    return m + 1;
  }
  if (word === 'in') return shape[k + 1] === '(' ? parseOperand(view, k + 1, facts, depth) : -1;
  if (word === 'between') {
    const low = parseOperand(view, k + 1, facts, depth);
    if (low < 0 || tokens[low]?.text !== 'and') return -1;
    return parseOperand(view, low + 1, facts, depth);
  }
  let m = k + 1;
  if ((word === 'sounds' && tokens[m]?.text === 'like') || (word === 'similar' && tokens[m]?.text === 'to'))
    m++;
  if (tokens[m]?.text === 'binary') m++;
  return parseOperand(view, m, facts, depth);
}

/** One operand with its unary prefixes; sets `facts.lastLiteral`. */
export function parseOperand(view: SqlView, i: number, facts: ExpressionFacts, depth: number): number {
  const { shape, tokens } = view;
  while (
    shape[i] === '!' ||
    (shape[i] === 'o' && (tokens[i]!.text === '-' || tokens[i]!.text === '+')) ||
    (shape[i] === 'n' && UNARY_WORDS.has(tokens[i]!.text) && shape[i + 1] !== undefined)
  ) {
    i++;
  }
  facts.lastLiteral = false;
  switch (shape[i]) {
    case 's':
      // Adjacent literals concatenate (`'a' 'b'`).
      while (shape[i + 1] === 's') i++;
      facts.lastLiteral = true;
      return i + 1;
    case '1':
      facts.lastLiteral = true;
      return i + 1;
    case 'v':
      if (INFO_VARIABLES.has(tokens[i]!.text)) facts.sqlCalls++;
      return i + 1;
    case 'n':
      // `current_user`, `system_user`: functions without parentheses.
      if ((view.flags[i]! & WORD_FLAG.info) !== 0) facts.sqlCalls++;
      if (tokens[i]!.text === 'array' && tokens[i + 1]?.text === '[') return skipArray(view, i + 1);
      return tokens[i]!.text === 'case' ? skipCase(view, i, facts) : i + 1;
    case 'f': {
      facts.calls++;
      if ((view.flags[i]! & SQL_CALL) !== 0) facts.sqlCalls++;
      return skipGroup(view, i + 1, facts);
    }
    case '(':
      return parseGroup(view, i, facts, depth);
    case 'k':
      // `= all (select ...)`
      return tokens[i]!.text === 'all' && shape[i + 1] === '(' ? parseGroup(view, i + 1, facts, depth) : -1;
    default:
      return -1;
  }
}

/** `( select ... )`, `( expr )` or a row `( expr, expr )`. */
function parseGroup(view: SqlView, i: number, facts: ExpressionFacts, depth: number): number {
  const { shape } = view;
  if (shape[i + 1] === 'E' || depth >= MAX_DEPTH) return skipGroup(view, i, facts);
  if (i + 1 >= shape.length) {
    facts.truncated = true;
    return shape.length;
  }
  let j = parseExpression(view, i + 1, facts, depth + 1);
  if (j < 0) return -1;
  const literal = facts.lastLiteral;
  while (shape[j] === ',') {
    j = parseExpression(view, j + 1, facts, depth + 1);
    if (j < 0) return -1;
  }
  if (j >= shape.length) {
    facts.truncated = true;
    return j;
  }
  if (shape[j] !== ')') return -1;
  facts.lastLiteral = literal;
  return j + 1;
}

/** Skips a balanced group starting at the `(` at `i`, counting calls and subqueries; the value may end in it. */
export function skipGroup(view: SqlView, i: number, facts: ExpressionFacts): number {
  const { shape } = view;
  let depth = 0;
  for (let j = i; j < shape.length; j++) {
    const role = shape[j];
    if (role === '(') {
      depth++;
      if (shape[j + 1] === 'E') facts.subqueries++;
    } else if (role === 'f') {
      facts.calls++;
      if ((view.flags[j]! & SQL_CALL) !== 0) facts.sqlCalls++;
    } else if (role === ')' && --depth === 0) {
      return j + 1;
    } else if (role === '=' && isLoneLiteral(shape, j - 1, -1) && isLoneLiteral(shape, j + 1, 1)) {
      // `elt(4249=4249,7259)`, `iif(3204=8489,3204,1/0)`: a literal comparison handed to a call decides it.
      facts.comparisons++;
      facts.literalComparisons++;
    }
  }
  facts.truncated = true;
  return shape.length;
}

/** A number or string at `k` with no arithmetic on its far side (`step` -1 looks left, 1 right). */
function isLoneLiteral(shape: string, k: number, step: -1 | 1): boolean {
  return isRole(shape[k], '1s') && shape[k + step] !== 'o';
}

/** Skips `CASE ... END`. */
function skipCase(view: SqlView, i: number, facts: ExpressionFacts): number {
  let depth = 0;
  for (let j = i; j < view.tokens.length; j++) {
    const text = view.tokens[j]!.text;
    if (text === 'case') depth++;
    else if (text === 'end' && --depth === 0) return j + 1;
  }
  facts.calls++;
  facts.truncated = true;
  return view.tokens.length;
}

/** Skips PostgreSQL's `ARRAY[...]` from its `[` (an `other` token) to the matching `]`; -1 when it never closes. */
function skipArray(view: SqlView, i: number): number {
  let depth = 0;
  for (let j = i; j < view.tokens.length; j++) {
    const text = view.tokens[j]!.text;
    if (text === '[') depth++;
    else if (text === ']' && --depth === 0) return j + 1;
  }
  return -1;
}
