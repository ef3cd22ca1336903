/** What parsing an SQL expression saw; rules weigh these. */
export interface ExpressionFacts {
  /** `=`, `<`, `LIKE`, `IS NULL`, `IN (...)`, `BETWEEN`... */
  comparisons: number;
  /** Comparisons whose sides are both literals (`1=1`, `'a'='a'`): tautologies and blind probes. */
  literalComparisons: number;
  /** Comparisons of two lone literals that are always true (`1=1`, `42 like 42`, `1 is not 2`, `11!=1`). */
  tautologies: number;
  /** Casts to an SQL type (`x::int`, `f(y)::jsonb`): PostgreSQL syntax. */
  casts: number;
  /** AND, OR, XOR, `&&`, `||`. */
  logic: number;
  /** Arithmetic and bit operators (`-`, `*`, `DIV`, `^`...). */
  arithmetic: number;
  /** Function calls, and calls of functions injections use (`concat`, `ascii`, `version`...). */
  calls: number;
  sqlCalls: number;
  /** `(SELECT ...)` */
  subqueries: number;
  /** The value ended inside parentheses (a truncated fragment, or the application closes them). */
  truncated: boolean;
  /** Whether the operand parsed last is a literal; internal to the parser. */
  lastLiteral: boolean;
}

/** Fresh, zeroed facts. */
export function newExpressionFacts(): ExpressionFacts {
  return {
    comparisons: 0,
    literalComparisons: 0,
    tautologies: 0,
    casts: 0,
    logic: 0,
    arithmetic: 0,
    calls: 0,
    sqlCalls: 0,
    subqueries: 0,
    truncated: false,
    lastLiteral: false,
  };
}
