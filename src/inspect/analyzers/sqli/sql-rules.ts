import { booleanProbeRule } from './rules/boolean-probe-rule.js';
import { commentTruncationRule } from './rules/comment-truncation-rule.js';
import { dbInfoRule } from './rules/db-info-rule.js';
import { errorFunctionRule } from './rules/error-function-rule.js';
import { expressionProbeRule } from './rules/expression-probe-rule.js';
import { openCallRule } from './rules/open-call-rule.js';
import { operatorLeadRule } from './rules/operator-lead-rule.js';
import { orderByProbeRule } from './rules/order-by-probe-rule.js';
import { quoteExpressionRule } from './rules/quote-expression-rule.js';
import { quoteLogicRule } from './rules/quote-logic-rule.js';
import { schemaProbeRule } from './rules/schema-probe-rule.js';
import { selectTailRule } from './rules/select-tail-rule.js';
import { sqlCodeRule } from './rules/sql-code-rule.js';
import { stackedQueryRule } from './rules/stacked-query-rule.js';
import { subqueryRule } from './rules/subquery-rule.js';
import { systemAccessRule } from './rules/system-access-rule.js';
import { tautologyRule } from './rules/tautology-rule.js';
import { timeDelayRule } from './rules/time-delay-rule.js';
import { unionSelectRule } from './rules/union-select-rule.js';
import type { SqlRule } from './sql-rule.js';

/** Every structural rule, run over each SQL context of a value. */
export const SQL_RULES: readonly SqlRule[] = Object.freeze([
  unionSelectRule,
  tautologyRule,
  booleanProbeRule,
  quoteExpressionRule,
  quoteLogicRule,
  stackedQueryRule,
  timeDelayRule,
  subqueryRule,
  sqlCodeRule,
  errorFunctionRule,
  systemAccessRule,
  orderByProbeRule,
  schemaProbeRule,
  dbInfoRule,
  commentTruncationRule,
  expressionProbeRule,
  openCallRule,
  selectTailRule,
  operatorLeadRule,
]);
