import { hasBadEnding } from '../bad-ending.js';
import type { SqlRule } from '../sql-rule.js';
import type { SqlToken } from '../sql-token.js';

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
    if (tail.breakKind === 'quote') {
      if (tail.start < view.tokens.length) return { confidence: 0.5, first: 0, last };
      return { confidence: comment.text.startsWith('#') ? 0.5 : 0.7, first: 0, last };
    }
    // Unquoted, it takes SQL before it: boolean logic, ORDER BY n, SQL calls (`1 and 1=1--`, `1 order by 3#`).
    const { facts } = tail;
    const sql = facts.logic > 0 || facts.sqlCalls > 0 || facts.subqueries > 0 || tail.orderByNumber;
    if (!sql || (tail.breakKind === 'word' && facts.literalComparisons === 0)) return undefined;
    return { confidence: facts.logic > 0 ? 0.5 : 0.4, first: 0, last };
  },
};

/** A comment marker followed by nothing, white space or more comment punctuation; or a closed block. */
function isCleanComment(comment: SqlToken): boolean {
  const text = comment.text;
  if (text.startsWith('/*')) return comment.closed || text.slice(2).trim() === '';
  const after = text.charCodeAt(text.startsWith('#') ? 1 : 2);
  return Number.isNaN(after) || after <= 32 || after === 45 || after === 35 || after === 43;
}
