import type { SqlTail } from './sql-tail.js';
import type { SqlView } from './sql-view.js';

/** A rule match: its confidence and the token range that shows it. */
export interface SqlHit {
  readonly confidence: number;
  /** Token indexes in the view, `last` inclusive. */
  readonly first: number;
  readonly last: number;
}

/** A structural rule over a folded SQL view; `name` is the finding's rule without the `sqli/` prefix. */
export interface SqlRule {
  readonly name: string;
  /** `false` for a rule that reads only the value's opening, so it also runs where the SQL is invalid. */
  readonly needsValid?: boolean;
  check(view: SqlView, tail: SqlTail | undefined): SqlHit | undefined;
}
