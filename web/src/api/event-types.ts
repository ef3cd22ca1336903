// The API's own types, shared with the server so the two cannot drift apart.

export { ACTIONS, type Action } from '../../../src/core/action.js';
export type { ClientIdentity, Finding, SecurityEvent, Verdict } from '../../../src/core/index.js';
export type { EventBucket, EventPage, EventStats } from '../../../src/store/event-store.js';

import type { Action } from '../../../src/core/action.js';

/** Filters the API applies to events (search and live stream alike). */
export interface EventFilter {
  readonly site?: string;
  readonly client?: string;
  readonly action?: Action;
  readonly category?: string;
}
