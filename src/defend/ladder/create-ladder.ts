import type { Action } from '../../core/index.js';
import { boundedSet } from '../rate-limit/bounded-map.js';

/** One rung: from this much risk on, the client gets `action` for `durationMs`. */
export interface LadderStep {
  readonly risk: number;
  readonly action: Action;
  readonly durationMs: number;
}

/** How risk builds, fades and turns into actions. */
export interface LadderOptions {
  /** Time for a client's risk to halve when it does nothing more. */
  readonly halfLifeMs: number;
  /** Rungs by ascending risk. */
  readonly steps: readonly LadderStep[];
  /** Each earlier time on the same rung multiplies its duration by this. */
  readonly growth: number;
  readonly maxDurationMs: number;
}

/** A rung reached: the action and how long it lasts for this client. */
export interface LadderDecision {
  readonly step: LadderStep;
  readonly risk: number;
  readonly durationMs: number;
  /** Earlier times this client reached this rung. */
  readonly offences: number;
}

/** Risk per client, raised by signals and fading over time; `signal` returns a rung newly reached. */
export interface Ladder {
  signal(key: string, weight: number, now: number): LadderDecision | undefined;
  risk(key: string, now: number): number;
  readonly size: number;
}

interface Client {
  risk: number;
  at: number;
  /** The highest rung given and until when it holds. */
  rung: number;
  until: number;
  /** Times each rung was reached. */
  readonly reached: number[];
}

/**
 * Creates the response ladder: a client's risk grows with its signals (a scenario overflowing, a request
 * judged an attack, a request over a rate limit) and halves every `halfLifeMs`. Reaching a higher rung than
 * the one it holds calls for that rung's action; once a rung's time is over, reaching it again costs a
 * longer stay (fail2ban's growing bans), so a returning scanner climbs from rate limit to maze to block.
 * @example const ladder = createLadder({ halfLifeMs: 3_600_000, steps, growth: 2, maxDurationMs: 604_800_000 }, 100_000);
 */
export function createLadder(options: LadderOptions, maxKeys: number): Ladder {
  const steps = [...options.steps].sort((a, b) => a.risk - b.risk);
  if (steps.length === 0 || steps.some((s) => !(s.risk > 0)))
    throw new TypeError('defend.ladder: steps need a positive risk each');
  const clients = new Map<string, Client>();
  const decay = (client: Client, now: number) => {
    client.risk *= 0.5 ** (Math.max(0, now - client.at) / options.halfLifeMs);
    client.at = now;
  };
  return {
    get size() {
      return clients.size;
    },
    risk(key, now) {
      const client = clients.get(key);
      if (client === undefined) return 0;
      decay(client, now);
      return client.risk;
    },
    signal(key, weight, now) {
      let client = clients.get(key);
      if (client === undefined) {
        client = { risk: 0, at: now, rung: -1, until: 0, reached: steps.map(() => 0) };
        boundedSet(clients, key, client, maxKeys);
      } else decay(client, now);
      client.risk += weight;
      let rung = -1;
      for (let i = 0; i < steps.length; i++) if (client.risk >= steps[i]!.risk) rung = i;
      const held = client.until > now ? client.rung : -1;
      if (rung <= held) return undefined;
      const step = steps[rung]!;
      const offences = client.reached[rung]!;
      client.reached[rung] = offences + 1;
      const durationMs = Math.min(options.maxDurationMs, step.durationMs * options.growth ** offences);
      client.rung = rung;
      client.until = now + durationMs;
      return { step, risk: client.risk, durationMs, offences };
    },
  };
}
