import type { BehaviourSignal, Topics } from '../../../core/index.js';
import type { Agent } from '../../runtime/agent.js';
import type { AgentMemory } from '../../runtime/agent-memory.js';
import { type BaselineSnapshot, BehaviourAnalyst } from './behaviour-analyst.js';
import type { BehaviourAnalystOptions } from './behaviour-options.js';

/** What the behaviour analyst agent works with. */
export interface BehaviourAnalystDeps {
  /** Where signals go: the composition root publishes them as `brain.signal`. */
  readonly publish: (signal: BehaviourSignal) => void;
  /** Where site baselines are kept across restarts; without it they are learnt again. */
  readonly memory?: AgentMemory;
  readonly options?: BehaviourAnalystOptions;
  /** How often idle clients are forgotten and baselines saved; default 60,000 ms. */
  readonly tickMs?: number;
}

const BASELINE_KEY = 'baseline:';
const BASELINE_TTL_MS = 30 * 24 * 3_600_000;

/**
 * The behaviour analyst as an agent: hears every `security.event`, publishes a signal for each client out of
 * line with its site, and keeps the site baselines in its memory (saved on every tick and on stop).
 * @example const agent = createBehaviourAnalystAgent({ publish: (s) => bus.publish('brain.signal', s) });
 */
export function createBehaviourAnalystAgent(deps: BehaviourAnalystDeps): Agent<Topics, 'security.event'> {
  let analyst = new BehaviourAnalyst(deps.options);
  const save = async () => {
    if (deps.memory === undefined) return;
    for (const [site, snapshot] of Object.entries(analyst.snapshot()))
      await deps.memory.put(`${BASELINE_KEY}${site}`, snapshot as Record<string, number[]>, {
        ttlMs: BASELINE_TTL_MS,
      });
  };
  return {
    id: 'behaviour-analyst',
    topics: ['security.event'],
    tickMs: deps.tickMs ?? 60_000,
    async start() {
      // A restart after a crash begins afresh, from the baselines last saved.
      analyst = new BehaviourAnalyst(deps.options);
      for (const entry of (await deps.memory?.list(BASELINE_KEY)) ?? [])
        analyst.restore(entry.key.slice(BASELINE_KEY.length), entry.value as BaselineSnapshot);
    },
    stop: save,
    handle({ payload }) {
      const signal = analyst.observe(payload);
      if (signal !== undefined) deps.publish(signal);
    },
    async tick(time) {
      analyst.expire(time);
      await save();
    },
  };
}
