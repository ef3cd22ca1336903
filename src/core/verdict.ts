import type { Action } from './action.js';
import type { Finding } from './finding.js';

/** The outcome of judging one request: a value, never an exception. */
export interface Verdict {
  readonly score: number;
  readonly findings: readonly Finding[];
  readonly action: Action;
  /** Why, for logs and operators: `detector/sqli`, `decision/ban`, `default/allow`. */
  readonly reason: string;
  /** What the client may be told; carries no detection detail. */
  readonly publicReason: string;
}

/** The verdict for a request nothing objected to. */
export const ALLOW_VERDICT: Verdict = Object.freeze({
  score: 0,
  findings: Object.freeze([]) as readonly Finding[],
  action: 'allow',
  reason: 'default/allow',
  publicReason: '',
});
