import type { ExpressionFacts } from './expression-facts.js';

/** How a value goes on after the literal it breaks out of; see `parseSqlTail`. */
export interface SqlTail {
  /** What the value starts with: the quote context's closed string, a literal, a word, or an operator. */
  readonly breakKind: 'quote' | 'literal' | 'word' | 'operator';
  /** The quote the application closes after the value: the context's, or the one a bare value opened itself. */
  readonly quote: string;
  /** Index of the first token after the break and the `)` that close the application's parentheses. */
  readonly start: number;
  /** Index where valid SQL stops; the token count when the whole value is valid. */
  readonly end: number;
  /** The whole value is valid SQL in this context (up to a truncated group or a trailing comment). */
  readonly valid: boolean;
  /** Role of the first tail token: `&` boolean, `=` comparison, `o` arithmetic, `k` clause, `''` none. */
  readonly joiner: string;
  /** Role of the operand after the first boolean operator (unary operators skipped), `''` without one. */
  readonly operand: string;
  /** `ORDER BY 3`, `GROUP BY 1`: column-count probes. */
  readonly orderByNumber: boolean;
  /** A HAVING clause, or a WHERE right after the break: a boolean condition of the value's own. */
  readonly having: boolean;
  /** Ends in a `UNION`, a stacked statement, or other clauses checked by their own rules. */
  readonly continued: boolean;
  readonly facts: ExpressionFacts;
}
