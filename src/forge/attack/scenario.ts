import type { AttackTarget } from './attack-target.js';
import type { Outcome } from './outcome.js';
import type { Random } from './random.js';
import type { Sample } from './scenario-tally.js';

/** What a scenario is: payloads, a behaviour over many requests, a protocol abuse, or a replayed corpus. */
export type ScenarioKind = 'payload' | 'behaviour' | 'protocol' | 'corpus';

/** What a scenario may use while it runs: the target, its client, its budget, and where results go. */
export interface ScenarioContext {
  readonly target: AttackTarget;
  readonly random: Random;
  /** The local address of the scenario's client; undefined: the system's own. */
  readonly client: string | undefined;
  /** Payload requests are each sent by a new client (`--spread`). */
  readonly spread: boolean;
  /** A new client's address, for requests that stand alone. */
  newClient(): string | undefined;
  /** Takes one request (or connection) from the budget: false when the scenario or the run has no more. */
  take(): boolean;
  /** Milliseconds this scenario has left. */
  timeLeft(): number;
  /** The time one request may take: the default limit, or what the scenario has left if that is less. */
  requestTimeout(): number;
  record(outcome: Outcome, ms: number, sample?: Omit<Sample, 'outcome'>): void;
}

/** One attack scenario. Registered by name in SCENARIOS. */
export interface Scenario {
  readonly name: string;
  readonly kind: ScenarioKind;
  readonly summary: string;
  /** The most requests (connections, for slow clients) it sends. */
  readonly requests: number;
  /** The most seconds it runs. */
  readonly seconds: number;
  /** Requests a defence may let through before it must answer: a burst, a few mistyped passwords. */
  readonly grace: number;
  /** `answer` for attacks; `pass` for legitimate traffic, which the defence should let through. */
  readonly expect: 'answer' | 'pass';
  run(ctx: ScenarioContext): Promise<void>;
}
