import { performance } from 'node:perf_hooks';
import type { AttackTarget } from './attack-target.js';
import { isAnswered } from './outcome.js';
import { createRandom } from './random.js';
import type { Scenario, ScenarioContext } from './scenario.js';
import { createTally, type ScenarioTally } from './scenario-tally.js';
import type { SourceAddresses } from './source-addresses.js';

/** How a run is bounded and shaped. */
export interface AttackOptions {
  readonly target: AttackTarget;
  readonly scenarios: readonly Scenario[];
  /** Requests (and slow connections) in the whole run. */
  readonly maxRequests: number;
  readonly maxSeconds: number;
  readonly seed: number;
  /** Payload requests each from a client of its own. */
  readonly spread: boolean;
  readonly sources: SourceAddresses;
  /** The most one request may take (5 s by default): past it, the outcome is `timeout`. */
  readonly requestTimeoutMs?: number;
  readonly onProgress?: (progress: AttackProgress) => void;
}

/** Where a run is: requests sent of those planned, and the scenario that sends them. */
export interface AttackProgress {
  readonly scenario: string;
  readonly done: number;
  readonly total: number;
  /** Set once when a scenario ends. */
  readonly finished?: ScenarioRun;
}

/** One scenario's run. */
export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly tally: ScenarioTally;
  /** The run's limits (requests or time) or the scenario's time stopped it early. */
  readonly truncated: boolean;
  readonly durationMs: number;
}

/** A whole run. */
export interface AttackRun {
  readonly target: AttackTarget;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly seed: number;
  readonly distinctClients: boolean;
  readonly spread: boolean;
  readonly maxRequests: number;
  readonly maxSeconds: number;
  readonly scenarios: readonly ScenarioRun[];
}

// FNV-1a: each scenario's stream depends on the seed and its name, not on which others run before it.
function seedFor(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Runs the scenarios one after the other against the target, each as a client of its own, within the
 * run's budget of requests and time and each scenario's own caps; classifies and tallies every answer.
 * @example const run = await runAttack({ target, scenarios: [...SCENARIOS.values()], maxRequests: 2000, maxSeconds: 120, seed: 1, spread: false, sources });
 */
export async function runAttack(options: AttackOptions): Promise<AttackRun> {
  const startedAt = new Date();
  const started = performance.now();
  const runDeadline = Date.now() + options.maxSeconds * 1000;
  const requestTimeout = options.requestTimeoutMs ?? 5000;
  const total = Math.min(
    options.maxRequests,
    options.scenarios.reduce((n, s) => n + s.requests, 0),
  );
  let used = 0;
  const runs: ScenarioRun[] = [];
  for (const scenario of options.scenarios) {
    const scenarioStarted = performance.now();
    const deadline = Math.min(runDeadline, Date.now() + scenario.seconds * 1000);
    const tally = createTally((o) => (scenario.expect === 'answer' ? o === 'passed' : isAnswered(o)));
    let taken = 0;
    let truncated = false;
    const timeLeft = () => Math.max(0, deadline - Date.now());
    const ctx: ScenarioContext = {
      target: options.target,
      random: createRandom(seedFor(options.seed, scenario.name)),
      client: options.sources.next(),
      spread: options.spread,
      newClient: () => options.sources.next(),
      take: () => {
        if (taken >= scenario.requests) return false;
        if (used >= options.maxRequests || timeLeft() === 0) {
          truncated = true;
          return false;
        }
        taken++;
        used++;
        options.onProgress?.({ scenario: scenario.name, done: used, total });
        return true;
      },
      timeLeft,
      requestTimeout: () => Math.max(1, Math.min(requestTimeout, timeLeft())),
      record: (outcome, ms, sample) => tally.record(outcome, ms, sample),
    };
    if (used < options.maxRequests && timeLeft() > 0) await scenario.run(ctx);
    else truncated = true;
    const run = { scenario, tally, truncated, durationMs: performance.now() - scenarioStarted };
    runs.push(run);
    options.onProgress?.({ scenario: scenario.name, done: used, total, finished: run });
  }
  return {
    target: options.target,
    startedAt,
    durationMs: performance.now() - started,
    seed: options.seed,
    distinctClients: options.sources.distinct,
    spread: options.spread,
    maxRequests: options.maxRequests,
    maxSeconds: options.maxSeconds,
    scenarios: runs,
  };
}
