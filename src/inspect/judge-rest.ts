import type { Finding, RequestView, Verdict } from '../core/index.js';
import type { InspectOptions, Inspector } from './inspector.js';
import { type JudgePolicy, judgeInspection } from './judge.js';

/** What judging the rest of a body needs. */
export interface RestJudgeSettings {
  readonly policy: JudgePolicy;
  /** Options of the prefix's inspection (threshold, exclusions). */
  readonly options: InspectOptions;
  /** What the prefix found: each window is judged with it. */
  readonly prefixFindings: readonly Finding[];
  /** Milliseconds the whole rest may take, shared by its windows. */
  readonly budgetMs: number;
  /** A monotonic clock in milliseconds. */
  readonly now?: () => number;
}

/** What one window of the rest changed. */
export interface RestWindow {
  /** The request's verdict, when the window found something: a block settles it. */
  readonly verdict: Verdict | undefined;
  /** True once the budget is spent: the windows after this one are not inspected. */
  readonly overBudget: boolean;
}

/** Judges the rest of a body past its inspected prefix, one window at a time, in order. */
export interface RestJudge {
  next(window: Uint8Array, last: boolean): RestWindow;
}

const NOTHING: RestWindow = Object.freeze({ verdict: undefined, overBudget: false });
const SPENT: RestWindow = Object.freeze({ verdict: undefined, overBudget: true });

/**
 * Judges each window of a body's rest with what the prefix found, under the route's policy, as the gateway
 * does while the body streams and `infinisec scan` does offline. A window's verdict counts when it blocks
 * or weighs at least as much as the strongest before it. The windows share one time budget; once it is spent, the
 * rest is not inspected and `overBudget` applies (`block` refuses the request).
 * @example const judge = createRestJudge(inspector, view, settings); judge.next(window, false).verdict
 */
export function createRestJudge(
  inspector: Inspector,
  view: RequestView,
  settings: RestJudgeSettings,
): RestJudge {
  const now = settings.now ?? (() => performance.now());
  const next = inspector.inspectRest(view, settings.options);
  const { policy, prefixFindings, budgetMs } = settings;
  let spent = 0;
  let stopped = false;
  let strongest = -1;
  return {
    next(window, last) {
      if (stopped) return SPENT;
      const started = now();
      let inspection = next(window, last, budgetMs - spent);
      spent += now() - started;
      if (inspection.overBudget || spent >= budgetMs) {
        stopped = true;
        inspection = { ...inspection, overBudget: true };
      }
      if (inspection.findings.length === 0 && !inspection.overBudget) return NOTHING;
      const verdict = judgeInspection(
        {
          findings: [...prefixFindings, ...inspection.findings],
          overLimits: [],
          overBudget: inspection.overBudget,
        },
        policy,
      );
      if (verdict === undefined || (verdict.action !== 'block' && verdict.score < strongest))
        return stopped ? SPENT : NOTHING;
      strongest = verdict.score;
      return { verdict, overBudget: stopped };
    },
  };
}

/**
 * The verdict on a whole body held in memory, from its prefix's verdict on: the rest past `windowBytes`
 * judged a window of that size at a time, as the gateway judges it while it streams (`infinisec scan` and
 * `infinisec inspect` read a long body so). Stops at a block or once the budget is spent.
 */
export function judgeWholeBody(
  inspector: Inspector,
  view: RequestView,
  body: Uint8Array,
  prefixVerdict: Verdict | undefined,
  settings: RestJudgeSettings & { readonly windowBytes: number },
): Verdict | undefined {
  const size = settings.windowBytes;
  let verdict = prefixVerdict;
  if (settings.policy.overLimit !== 'inspect-stream' || body.length <= size) return verdict;
  const rest = createRestJudge(inspector, view, settings);
  for (let at = size; verdict?.action !== 'block'; at += size) {
    const last = at + size >= body.length;
    const window = rest.next(body.subarray(at, at + size), last);
    verdict = window.verdict ?? verdict;
    if (last || window.overBudget) break;
  }
  return verdict;
}
