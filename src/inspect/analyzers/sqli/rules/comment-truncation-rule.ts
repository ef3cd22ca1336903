import { hasBadEnding } from '../bad-ending.js';
import { isBareComment as isBare } from '../bare-comment.js';
import type { SqlRule } from '../sql-rule.js';
import type { SqlTail } from '../sql-tail.js';
import type { SqlToken } from '../sql-token.js';
import type { SqlView } from '../sql-view.js';

/**
 * `admin'--`, `1' #`, `') /*`: the value closes the literal and comments out the rest of the query (the
 * password check, typically). After other valid SQL it adds weight to the rules that judged that SQL.
 * `--infant` and `#2` are how people exclude words and number things, not comments.
 */
export const commentTruncationRule: SqlRule = {
  name: 'comment-truncation',
  check(view, tail) {
    const comment = view.trailingComment;
    if (comment === undefined || !isCleanComment(comment)) return undefined;
    if (tail === undefined || !tail.valid || hasBadEnding(view, tail.quote)) return undefined;
    const last = view.tokens.length - 1;
    // `-- `, `--+`, `/*`: nothing left to read but the marker, and `--sp_password` (which MSSQL keeps out of its logs).
    const bare = isBare(comment);
    const hit = (confidence: number) => ({ confidence, first: 0, last });
    if (tail.breakKind === 'quote') {
      // `user'collate nocase--`, `' notnull --`: the break continued by SQL, then the rest cut off.
      if (tail.start < view.tokens.length)
        return hit(bare && !unknownCollation(view, tail.start) ? 0.9 : 0.5);
      // `admin'#`, `admin'/*`: MySQL's and SQLite's comments cut the query as surely as `--`, where the
      // quote closes the word before it (`SOAP 1 '#` is a product name with a stray mark).
      const dashes = comment.text.startsWith('--');
      if (bare && (dashes || closesWord(view.input, comment.start))) return hit(0.9);
      return hit(comment.text.startsWith('#') ? 0.5 : 0.7);
    }
    const { facts } = tail;
    if (bare && tail.breakKind !== 'word' && isExpression(view, tail)) return hit(0.9);
    // Unquoted, it takes SQL before it: boolean logic, ORDER BY n, SQL calls (`1 and 1=1--`, `1 order by 3#`).
    const sql = facts.logic > 0 || facts.sqlCalls > 0 || facts.subqueries > 0 || tail.orderByNumber;
    if (!sql || (tail.breakKind === 'word' && facts.literalComparisons === 0)) return undefined;
    return hit(facts.logic > 0 ? 0.5 : 0.4);
  },
};

/** The quote before the comment at `at` is glued to the word it closes (`admin'#`), or opens the value. */
function closesWord(input: string, at: number): boolean {
  let i = at - 1;
  while (i > 0 && input.charCodeAt(i) <= 32) i--;
  const before = input.charCodeAt(i - 1);
  return i <= 0 || Number.isNaN(before) || before > 32;
}

// Collations of the dialects that carry no `_` (`utf8mb4_general_ci`, `Latin1_General_CS_AS` do).
const COLLATIONS = new Set(['nocase', 'binary', 'rtrim', 'c', 'posix', 'ucs_basic', 'default', 'und']);

/** `x' collate foo--`: a COLLATE alone, naming no collation, is not known to be SQL. */
function unknownCollation(view: SqlView, start: number): boolean {
  const { tokens } = view;
  if (tokens[start]!.text !== 'collate' || tokens.length !== start + 2) return false;
  const name = tokens[start + 1]!;
  if (name.quote !== '' || name.kind === 'string') return false;
  return !name.text.includes('_') && !COLLATIONS.has(name.text);
}

/**
 * `( 1 OR @a ) --`, `1 * 1--`, `@version /*`, `1--`: the whole value an SQL expression built of SQL (operators,
 * calls, variables, parentheses; identifiers only among logic or calls), or a lone number or variable, and
 * then a comment cutting the query. Prose has words; `555-1234 -- call me` has a comment with words.
 */
function isExpression(view: SqlView, tail: SqlTail): boolean {
  const { shape } = view;
  const { facts } = tail;
  if (facts.logic > 0 || facts.comparisons > 0 || facts.calls > 0 || facts.subqueries > 0) return true;
  // `@@version--`, `@v--`; `@john --` is how chats mention someone.
  if (shape === 'v')
    return view.tokens[0]!.text.startsWith('@@') || view.trailingComment!.start === view.tokens[0]!.end;
  if (shape.includes('v')) return true;
  if (shape.includes('n') || shape.includes('?')) return false;
  // `1 * 1--`, `( 'a' )--`; dashes alone are ranges and phone numbers (`2019-2020 --`, `555-1234--`).
  if (shape.includes('(')) return true;
  for (let k = 0; k < shape.length; k++) {
    if (shape[k] === 'o' && view.tokens[k]!.text !== '-' && view.tokens[k]!.text !== '+') return true;
  }
  return (shape === '1' || shape === 'o1') && !view.trailingComment!.text.startsWith('#');
}

/** A comment marker followed by nothing, white space or more comment punctuation; or a closed block. */
function isCleanComment(comment: SqlToken): boolean {
  const text = comment.text;
  if (text.startsWith('/*')) return comment.closed || text.slice(2).trim() === '';
  if (text.includes('sp_password')) return true;
  const after = text.charCodeAt(text.startsWith('#') ? 1 : 2);
  return Number.isNaN(after) || after <= 32 || after === 45 || after === 35 || after === 43;
}
