import type { Decision, SecurityEvent } from '../../core/index.js';
import type { Actor, Actors } from './actors.js';
import type { LeakedSecret } from './find-leaked-secret.js';
import type { GatewayView } from './gateway-view.js';
import type { Exchange, Outgoing } from './send-from.js';

/** What one step leaves for the next: the scanner's loot, for its partner to use. */
export interface Loot {
  /** The scanner's intruder session. */
  intruder?: string;
  secret?: LeakedSecret;
}

/** A request sent, and the gateway's event for it (undefined when none was recorded in time). */
export interface Sent {
  readonly exchange: Exchange;
  readonly event: SecurityEvent | undefined;
}

/** What a step can do: send as an actor, read what the gateway recorded, note its decisions. */
export interface WaveContext {
  readonly actors: Actors;
  readonly gateway: GatewayView;
  readonly loot: Loot;
  /** Sends a request as `actor` and puts it on the timeline; `detail` tells it apart from its neighbours. */
  send(actor: Actor, outgoing: Outgoing, detail?: string): Promise<Sent>;
  /** Puts a decision of the gateway on the timeline, at the time it was made. */
  noteDecision(decision: Decision): void;
}

/** How a step turned out. */
export interface StepOutcome {
  readonly ok: boolean;
  readonly observed: string;
}

/** One scripted move of the wave and the outcome it expects. */
export interface WaveStep {
  readonly id: string;
  readonly title: string;
  readonly expected: string;
  run(ctx: WaveContext): Promise<StepOutcome>;
}
