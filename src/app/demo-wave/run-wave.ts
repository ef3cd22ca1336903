import type { Decision } from '../../core/index.js';
import type { Actor, Actors } from './actors.js';
import { describeAnswer } from './describe-answer.js';
import { formatSpan } from './format-span.js';
import type { GatewayView } from './gateway-view.js';
import { type Outgoing, sendFrom, type Target } from './send-from.js';
import type { StepReport, TimelineEntry } from './timeline.js';
import type { Loot, StepOutcome, WaveContext, WaveStep } from './wave-step.js';

/** What a wave needs. */
export interface WaveOptions {
  readonly target: Target;
  readonly actors: Actors;
  readonly gateway: GatewayView;
  readonly steps: readonly WaveStep[];
  /** Told of each step as soon as it is over. */
  readonly onStep?: (report: StepReport) => void;
}

/** A wave played. */
export interface WavePlayed {
  readonly ok: boolean;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly steps: readonly StepReport[];
}

const hundredths = (ms: number): number => Math.round(ms * 100) / 100;

function readable(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A step that failed by a fault says what it was, with the fix for the usual one. */
function faulted(err: unknown, actors: Actors): StepOutcome {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRNOTAVAIL') {
    const addresses = Object.values(actors).map((a: Actor) => a.address);
    return {
      ok: false,
      observed:
        `cannot send from the loopback addresses ${addresses.join(', ')}: this system routes only 127.0.0.1 ` +
        '(on macOS, add aliases: sudo ifconfig lo0 alias 127.0.0.N up)',
    };
  }
  return { ok: false, observed: `fault: ${err instanceof Error ? err.message : String(err)}` };
}

/**
 * Plays the steps in order against the gateway, each actor from its own loopback address, and reports
 * each step with its timeline. A step that throws is a failed step; the wave goes on.
 */
export async function runWave(options: WaveOptions): Promise<WavePlayed> {
  const start = Date.now();
  const loot: Loot = {};
  const steps: StepReport[] = [];
  for (const [i, step] of options.steps.entries()) {
    const entries: TimelineEntry[] = [];
    const noted = new Set<string>();
    const ctx: WaveContext = {
      actors: options.actors,
      gateway: options.gateway,
      loot,
      async send(actor: Actor, outgoing: Outgoing, detail?: string) {
        const atMs = Date.now() - start;
        const exchange = await sendFrom(options.target, actor.address, {
          ...outgoing,
          headers: { 'user-agent': actor.userAgent, ...outgoing.headers },
        });
        const event =
          exchange.requestId === ''
            ? undefined
            : await options.gateway.event(exchange.requestId, actor.address);
        const maze = event?.verdict.action === 'labyrinth' || event?.verdict.action === 'tarpit';
        entries.push({
          atMs,
          actor: actor.name,
          address: actor.address,
          did: `${outgoing.method} ${readable(outgoing.path)}`,
          ...(detail === undefined ? {} : { detail }),
          answer: describeAnswer(event, exchange.status),
          status: exchange.status,
          ...(event === undefined ? {} : { action: event.verdict.action, reason: event.verdict.reason }),
          ms: hundredths(exchange.headMs),
          ...(maze ? { dripMs: hundredths(exchange.totalMs - exchange.headMs) } : {}),
        });
        // A rung the client climbs past later replaces this one: note each while it is in force.
        for (const decision of await options.gateway.decisionsOn(actor.address)) ctx.noteDecision(decision);
        return { exchange, event };
      },
      noteDecision(decision: Decision) {
        const key = `${decision.id} ${decision.action} ${decision.created}`;
        if (noted.has(key)) return;
        noted.add(key);
        const span = formatSpan(decision.expires === null ? null : decision.expires - decision.created);
        entries.push({
          atMs: decision.created - start,
          actor: 'gateway',
          address: decision.value,
          did: `decides about ${decision.value}`,
          answer: `${decision.action} for ${span} (${decision.reason})`,
          action: decision.action,
          reason: decision.reason,
        });
      },
    };
    let outcome: StepOutcome;
    try {
      outcome = await step.run(ctx);
    } catch (err) {
      outcome = faulted(err, options.actors);
    }
    const report: StepReport = {
      number: i + 1,
      id: step.id,
      title: step.title,
      expected: step.expected,
      observed: outcome.observed,
      ok: outcome.ok,
      entries: entries.sort((a, b) => a.atMs - b.atMs),
    };
    steps.push(report);
    options.onStep?.(report);
  }
  return {
    ok: steps.every((s) => s.ok),
    startedAt: new Date(start).toISOString(),
    durationMs: Date.now() - start,
    steps,
  };
}
