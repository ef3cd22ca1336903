import type { StrategyAdvice, Topics } from '../../../core/index.js';
import type { Agent } from '../../runtime/agent.js';
import { LruMap } from '../../runtime/lru-map.js';
import { chooseIntruderStrategy, type StrategistOptions } from './choose-intruder-strategy.js';
import { IntruderEvidence } from './intruder-evidence.js';

/** What the strategist agent works with. */
export interface StrategistDeps {
  /** Where advice goes: the composition root publishes it as `brain.strategy`. */
  readonly publish: (advice: StrategyAdvice) => void;
  readonly options?: StrategistOptions;
  /** Intruders followed at once; default 10,000, each forgotten after an hour without a page. */
  readonly maxIntruders?: number;
}

interface Followed {
  readonly evidence: IntruderEvidence;
  advised: string | undefined;
}

/**
 * The strategist as an agent: collects what each intruder sends inside the maze (`security.event` with a
 * labyrinth session) and, at each change of its session, advises another strategy when one suits it better,
 * once per strategy.
 * @example const agent = createStrategistAgent({ publish: (a) => bus.publish('brain.strategy', a) });
 */
export function createStrategistAgent(
  deps: StrategistDeps,
): Agent<Topics, 'labyrinth.session' | 'security.event'> {
  const intruders = new LruMap<string, Followed>(deps.maxIntruders ?? 10_000, 3_600_000);
  const follow = (id: string, time: number) => {
    let followed = intruders.get(id, time);
    if (followed === undefined) {
      followed = { evidence: new IntruderEvidence(), advised: undefined };
      intruders.set(id, followed, time);
    }
    return followed;
  };
  return {
    id: 'strategist',
    topics: ['labyrinth.session', 'security.event'],
    // Only requests made inside the maze.
    accepts: (message) =>
      message.topic !== 'security.event' || message.payload.labyrinthSession !== undefined,
    handle(message) {
      if (message.topic === 'security.event') {
        const event = message.payload;
        if (event.labyrinthSession !== undefined)
          follow(event.labyrinthSession, event.time).evidence.observe(event);
        return;
      }
      const session = message.payload;
      const followed = follow(session.id, session.lastSeen);
      const choice = chooseIntruderStrategy(session, followed.evidence, deps.options);
      if (!choice.changed || choice.strategy === followed.advised) return;
      followed.advised = choice.strategy;
      deps.publish({
        time: session.lastSeen,
        site: session.site,
        intruder: session.id,
        current: session.strategy,
        strategy: choice.strategy,
        reasons: choice.reasons,
      });
    },
  };
}
