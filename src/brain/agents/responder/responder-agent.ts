import type { Decision, Topics } from '../../../core/index.js';
import type { Agent } from '../../runtime/agent.js';
import type { AgentMemory } from '../../runtime/agent-memory.js';
import { type IssuedActions, Responder } from './responder.js';
import type { ResponsePolicy } from './response-policy.js';

/** What the responder agent works with. */
export interface ResponderDeps {
  /**
   * Where decisions go: the composition root publishes them as `decision.made` (the topic the gateway's
   * decision table and the decision store already hear).
   */
  readonly emit: (decision: Decision) => void;
  /** Where the decisions taken per incident are kept across restarts, so that none is taken twice. */
  readonly memory?: AgentMemory;
  readonly now?: () => number;
  readonly policy?: Partial<ResponsePolicy>;
}

const ISSUED_KEY = 'issued:';
const ISSUED_TTL_MS = 7 * 24 * 3_600_000;

/**
 * The responder as an agent: open incidents and behaviour signals in, decisions out; it hears every
 * `decision.made` too, to know which clients are already held or allowed. Throws at once when the policy's
 * allow list holds something that is not an address or a range.
 * @example const agent = createResponderAgent({ emit: (d) => bus.publish('decision.made', d), memory });
 */
export function createResponderAgent(
  deps: ResponderDeps,
): Agent<Topics, 'brain.incident' | 'brain.signal' | 'decision.made'> {
  const now = deps.now ?? Date.now;
  let responder = new Responder(deps.policy);
  return {
    id: 'responder',
    topics: ['brain.incident', 'brain.signal', 'decision.made'],
    async start() {
      responder = new Responder(deps.policy);
      for (const entry of (await deps.memory?.list(ISSUED_KEY)) ?? [])
        responder.restoreIssued(entry.key.slice(ISSUED_KEY.length), entry.value as IssuedActions);
    },
    async handle(message) {
      switch (message.topic) {
        case 'decision.made':
          responder.onDecision(message.payload);
          return;
        case 'brain.signal':
          for (const decision of responder.onSignal(message.payload, now())) deps.emit(decision);
          return;
        case 'brain.incident': {
          const incident = message.payload;
          const decisions = responder.onIncident(incident, now());
          for (const decision of decisions) deps.emit(decision);
          if (decisions.length > 0)
            await deps.memory?.put(`${ISSUED_KEY}${incident.id}`, responder.issuedFor(incident.id), {
              ttlMs: ISSUED_TTL_MS,
            });
        }
      }
    },
  };
}
