import type { Action, Verdict } from '../core/index.js';
import type { Inspection } from './inspector.js';
import { scoreFindings } from './score.js';
import { type Sensitivity, THRESHOLDS } from './sensitivity.js';

/** How an inspection becomes an action on one route. */
export interface JudgePolicy {
  readonly sensitivity: Sensitivity;
  /** `detect` logs what would be blocked and blocks nothing. */
  readonly mode: 'block' | 'detect';
  /** `inspect-stream` and `inspect-prefix` judge by the findings; the caller inspects a streamed rest. */
  readonly overLimit: 'inspect-stream' | 'inspect-prefix' | 'block' | 'allow';
  readonly overBudget: 'findings-so-far' | 'block';
}

const PUBLIC_REASON = 'request blocked';

/** What judging needs of an inspection. */
export type Judged = Pick<Inspection, 'findings' | 'overLimits' | 'overBudget'>;

function verdict(action: Action, reason: string, score: number, inspection: Judged, mode: string): Verdict {
  const acted: Action = action === 'block' && mode === 'detect' ? 'log' : action;
  return {
    score,
    findings: inspection.findings,
    action: acted,
    reason,
    publicReason: acted === 'block' ? PUBLIC_REASON : '',
  };
}

/**
 * Judges an inspection: the score against the sensitivity's threshold, then the limit and budget policies.
 * An over-limit request under `allow` passes (logged) whatever its prefix showed. Returns undefined when
 * nothing stands out, so the caller keeps its default verdict.
 */
export function judgeInspection(inspection: Judged, policy: JudgePolicy): Verdict | undefined {
  const score = scoreFindings(inspection.findings);
  if (inspection.overLimits.length > 0 && policy.overLimit === 'allow') {
    return verdict('log', `limit/${inspection.overLimits[0]}`, score, inspection, 'detect');
  }
  if (score >= THRESHOLDS[policy.sensitivity]) {
    const strongest = inspection.findings.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    return verdict('block', `detector/${strongest.analyzer}`, score, inspection, policy.mode);
  }
  if (inspection.overLimits.length > 0 && policy.overLimit === 'block') {
    return verdict('block', `limit/${inspection.overLimits[0]}`, score, inspection, policy.mode);
  }
  if (inspection.overBudget && policy.overBudget === 'block') {
    return verdict('block', 'limit/inspect-budget', score, inspection, policy.mode);
  }
  // Findings under the threshold stay on the verdict for the event, but the request is allowed.
  if (inspection.findings.length > 0) {
    return verdict('allow', 'detector/below-threshold', score, inspection, 'detect');
  }
  return undefined;
}
