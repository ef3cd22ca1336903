import type { Action, Decision, DecisionScope, DecisionSource } from '../core/index.js';

/** A decision as both SQL adapters store it. */
export interface DecisionRow {
  id: string;
  scope: string;
  value: string;
  action: string;
  reason: string;
  source: string;
  created: number;
  expires: number | null;
  created_by: string;
}

/** The decision a row holds. */
export const toDecision = (row: DecisionRow): Decision => ({
  id: row.id,
  scope: row.scope as DecisionScope,
  value: row.value,
  action: row.action as Action,
  reason: row.reason,
  source: row.source as DecisionSource,
  created: row.created,
  expires: row.expires,
  createdBy: row.created_by,
});
