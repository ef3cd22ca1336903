/** Lexical classes of the SQL tokenizer. Keywords are words; their meaning is looked up by `sql-words`. */
export type SqlTokenKind =
  | 'string'
  | 'number'
  | 'word'
  | 'variable'
  | 'operator'
  | 'open'
  | 'close'
  | 'comma'
  | 'semicolon'
  | 'comment'
  | 'other';

/** One SQL token; `text` is lower-cased for words and operators, the raw content for strings. */
export interface SqlToken {
  readonly kind: SqlTokenKind;
  readonly text: string;
  /** Offsets in the tokenized input, for evidence. */
  readonly start: number;
  readonly end: number;
  /** For strings: the opening quote; for words: '`' or '[' when quoted. */
  readonly quote: string;
  /** For strings and block comments: whether the closing delimiter was found. */
  readonly closed: boolean;
}
