import { randomBytes } from 'node:crypto';
import type { Config } from '../../config/index.js';
import type { EventBus, Topics } from '../../core/index.js';
import { createDecisionTable, type DecisionTable } from '../../defend/index.js';
import { createIntruderSessions, type IntruderSessions } from '../../labyrinth/index.js';
import { createTarpit, type Tarpit } from './tarpit.js';

/** What outlives a configuration reload: the trapped clients, the held connections, the canary bans. */
export interface LabyrinthState {
  readonly sessions: IntruderSessions;
  readonly tarpit: Tarpit;
  /** Decisions made at run time (a canary used), looked up after the configured ones. */
  readonly decisions: DecisionTable;
  readonly bus: EventBus<Topics>;
  /** The key of the maze when the configuration names none. */
  readonly fallbackSecret: string;
  /** Takes the options of a new configuration. */
  configure(config: Config): void;
}

/** Creates the state for a gateway's lifetime. */
export function createLabyrinthState(
  config: Config,
  bus: EventBus<Topics>,
  fallbackSecret: string,
): LabyrinthState {
  const options = config.labyrinth;
  const sessions = createIntruderSessions({
    holdMs: options.holdMs,
    max: options.maxSessions,
    newId: () => randomBytes(4).toString('hex'),
  });
  const tarpit = createTarpit(options.tarpit);
  return {
    sessions,
    tarpit,
    decisions: createDecisionTable(),
    bus,
    fallbackSecret,
    configure(next) {
      tarpit.configure(next.labyrinth.tarpit);
      sessions.configure({ holdMs: next.labyrinth.holdMs, max: next.labyrinth.maxSessions });
    },
  };
}
