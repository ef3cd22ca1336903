import type { DecisionAccess } from '../../guardian/privacy/index.js';
import type { DecisionStore } from '../../store/decision-store.js';

/**
 * Decisions as the store holds them, for a process with no gateway of its own (the CLI): a running gateway
 * picks up what is removed here within a few seconds, as it does for `infinisec decisions delete`.
 */
export function storedDecisions(store: DecisionStore, clock: () => number = Date.now): DecisionAccess {
  return {
    list: () => store.list(clock()),
    remove: (id) => store.remove(id),
  };
}
