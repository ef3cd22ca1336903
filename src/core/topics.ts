import type { Decision } from './decision.js';
import type { CanaryUse, IntruderSession } from './intruder-session.js';
import type { SecurityEvent } from './security-event.js';

/** The topics of the process-wide event bus and what each carries. */
export interface Topics {
  /** One per request, after its response is complete. */
  'security.event': SecurityEvent;
  /** A new configuration was swapped in (version counts from 1 at start). */
  'config.applied': { readonly version: number; readonly source: string };
  /** A configuration was refused; the running one stays. */
  'config.refused': { readonly source: string; readonly problems: readonly string[] };
  /** An intruder session began or changed (at most once per page served). */
  'labyrinth.session': IntruderSession;
  /** A canary served by the maze was used in a request. */
  'labyrinth.canary': CanaryUse;
  /** The gateway made a decision about a client (a scenario overflowed, a canary came back). */
  'decision.made': Decision;
}
