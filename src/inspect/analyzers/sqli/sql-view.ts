import type { SqlToken } from './sql-token.js';
import type { SqlQuote } from './tokenize-sql.js';

/**
 * A value tokenized in one SQL context and folded: comments removed (they act as white space between code),
 * each code token given a one-character role; `shape` is the roles joined, e.g. `s&1=1` for `' or 1=1`.
 */
export interface SqlView {
  readonly input: string;
  readonly quote: SqlQuote;
  readonly tokens: readonly SqlToken[];
  readonly shape: string;
  /** `WORD_FLAG` bits of each word token (0 for other tokens). */
  readonly flags: readonly number[];
  /** All flags or-ed: lets a rule skip a view without its words. */
  readonly allFlags: number;
  /** The comment that ends the value, cutting off the rest of the application's query. */
  readonly trailingComment: SqlToken | undefined;
  /** Comments between code tokens (`union/**\/select`). */
  readonly innerComments: number;
}
