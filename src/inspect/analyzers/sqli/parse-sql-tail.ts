import { newExpressionFacts } from './expression-facts.js';
import { isRole } from './is-role.js';
import { continueExpression, parseExpression, parseOperand } from './parse-sql-expression.js';
import type { SqlTail } from './sql-tail.js';
import type { SqlView } from './sql-view.js';

/**
 * Reads a value as the end of a WHERE clause: the literal it closes (or starts with), then `)`s, then an
 * expression continuing that literal, then ORDER BY / GROUP BY / HAVING / LIMIT clauses. A UNION or a stacked
 * statement ends the reading (their rules judge them). Undefined when a quote context never closes its quote.
 */
export function parseSqlTail(view: SqlView): SqlTail | undefined {
  const { shape, tokens } = view;
  const facts = newExpressionFacts();
  let breakKind: SqlTail['breakKind'];
  let quote: string = view.quote;
  let j = 0;
  if (view.quote !== '') {
    if (!tokens[0]?.closed) return undefined;
    breakKind = 'quote';
    j = 1;
  } else if (shape[0] === '&' || shape[0] === '=') {
    breakKind = 'operator';
  } else if ((tokens[0]!.text === 'order' || tokens[0]!.text === 'group') && tokens[1]?.text === 'by') {
    // ` ORDER BY 3--`: a clause appended to the application's value, read by the clause loop below.
    breakKind = 'operator';
  } else if (
    ((tokens[0]!.text === 'having' || tokens[0]!.text === 'where') && shape[0] === 'k') ||
    (tokens[0]!.text === 'as' && tokens[2]?.text === 'where' && shape[1] === 'n')
  ) {
    // ` HAVING COUNT(id) > 5`, `where 1=`: a condition for the application's query; ` AS x WHERE 1=1`
    // names the column the value stood for, then adds the condition.
    breakKind = 'operator';
    j = parseExpression(view, tokens[0]!.text === 'as' ? 3 : 1, facts);
    if (j < 0) return undefined;
    facts.logic++;
  } else {
    let first = 0;
    while (
      shape[first] === '!' ||
      (shape[first] === 'o' && (tokens[first]!.text === '-' || tokens[first]!.text === '+'))
    )
      first++;
    const role = shape[first];
    if (!isRole(role, '1svn(f')) return undefined;
    j = parseOperand(view, 0, facts, 0);
    if (j < 0) return undefined;
    breakKind = role === 'n' ? 'word' : 'literal';
    // `'1' or '1'='1`: the value brings the opening quote too, and leaves the closing one to the application.
    const last = tokens[tokens.length - 1]!;
    if (
      first === 0 &&
      role === 's' &&
      j === 1 &&
      last.kind === 'string' &&
      !last.closed &&
      last.quote === tokens[0]!.quote
    ) {
      breakKind = 'quote';
      quote = last.quote;
    }
  }
  while (shape[j] === ')') j++;
  // `1' in boolean mode) and …`: the value closes a full-text MATCH … AGAINST ('…' IN BOOLEAN MODE).
  if (isBooleanMode(view, j)) {
    j += 3;
    while (shape[j] === ')') j++;
  }
  const start = j;
  // The expression that continues the literal, closing the application's parentheses on the way (`1=1) and`).
  if (breakKind !== 'literal') facts.lastLiteral = breakKind === 'quote';
  for (;;) {
    const end = continueExpression(view, j, facts);
    if (end <= j) break;
    j = end;
    while (shape[j] === ')') j++;
  }
  // `' not like '`: the joiner is the operator NOT negates.
  const joiner = (shape[start] === '!' && shape[start + 1] === '=' ? '=' : shape[start]) ?? '';
  const logicAt = shape.indexOf('&', start);
  let operand = '';
  if (logicAt >= 0 && logicAt < j) {
    let k = logicAt + 1;
    while (shape[k] === '!' || shape[k] === 'o') k++;
    operand = shape[k] ?? '';
  }
  let orderByNumber = false;
  let having = false;
  let continued = false;
  // Where the value's own WHERE may stand: right after the break, or after the alias it gives.
  let whereAt = start;
  while (j < shape.length) {
    const role = shape[j];
    const text = tokens[j]!.text;
    if (role === 'U' || role === ';' || role === 'T') {
      continued = true;
      j = shape.length;
    } else if ((text === 'order' || text === 'group') && tokens[j + 1]?.text === 'by') {
      orderByNumber ||= shape[j + 2] === '1';
      j = parseList(view, j + 2, facts);
      if (tokens[j]?.text === 'asc' || tokens[j]?.text === 'desc') j++;
    } else if (
      (text === 'having' || text === 'where') &&
      role === 'k' &&
      (text === 'having' || (j === whereAt && !having))
    ) {
      // `1) where 2267=2267 and …`, `1")) as t where …` below: the value closed a derived table or a join
      // and brings its own condition.
      having = true;
      j = parseExpression(view, j + 1, facts);
    } else if (text === 'as' && j === start && shape[j + 1] === 'n' && tokens[j + 2]?.text === 'where') {
      j += 2;
      whereAt = j;
    } else if ((text === 'limit' || text === 'offset') && shape[j + 1] === '1') {
      j += shape[j + 2] === ',' && shape[j + 3] === '1' ? 4 : 2;
    } else if (text === 'into' && shape[j + 2] === 's') {
      continued = true;
      j += 3;
    } else if (role === ')' && onlyClosers(shape, j)) {
      // Closing parentheses the application opened around the value.
      j = shape.length;
    } else {
      break;
    }
    if (j < 0) return undefined;
  }
  const valid = j >= shape.length || facts.truncated;
  return { breakKind, quote, start, end: j, valid, joiner, operand, orderByNumber, having, continued, facts };
}

function isBooleanMode(view: SqlView, j: number): boolean {
  const { tokens } = view;
  return tokens[j]?.text === 'in' && tokens[j + 1]?.text === 'boolean' && tokens[j + 2]?.text === 'mode';
}

function onlyClosers(shape: string, j: number): boolean {
  for (let k = j; k < shape.length; k++) if (shape[k] !== ')') return false;
  return true;
}

function parseList(view: SqlView, i: number, facts: SqlTail['facts']): number {
  let j = parseExpression(view, i, facts);
  while (j >= 0 && view.shape[j] === ',') j = parseExpression(view, j + 1, facts);
  return j;
}
