import type { BlastRadius } from './blast-radius.js';
import { formatDuration } from './duration.js';
import type { Schedule } from './schedule.js';
import type { WindowFigures } from './sliding-window.js';
import type { SteadyState } from './steady-state.js';

/** How an experiment ended. */
export type ChaosOutcome =
  /** It ran its course and the steady state held (or none was stated). */
  | 'completed'
  /** A steady-state check broke, or the operator interrupted it: faults were lifted at once. */
  | 'aborted'
  /** It ran its course, but the probes gathered too few outcomes to judge the steady state. */
  | 'inconclusive';

/** Something that happened during a run, in ms from its start. */
export interface TimelineEvent {
  readonly atMs: number;
  readonly event: 'armed' | 'lifted' | 'aborted' | 'ended';
  readonly fault?: string;
  readonly round?: number;
  readonly detail?: string;
}

/** What `infinisec chaos run` writes as JSON and prints a summary of. */
export interface ChaosReport {
  readonly name: string;
  readonly description: string | null;
  readonly outcome: ChaosOutcome;
  /** Why it was aborted or is inconclusive; null when completed. */
  readonly reason: string | null;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly plannedMs: number;
  readonly elapsedMs: number;
  readonly proxy: {
    readonly listen: string;
    readonly upstream: string;
    readonly requests: number;
    /** Requests no fault hit. */
    readonly untouched: number;
  };
  readonly faults: readonly {
    readonly name: string;
    readonly type: string;
    readonly options: Readonly<Record<string, unknown>>;
    readonly match: BlastRadius;
    readonly duration: number | null;
    /** Requests it hit. */
    readonly injected: number;
  }[];
  readonly schedule: Schedule;
  readonly timeline: readonly TimelineEvent[];
  /** Null when the experiment states no hypothesis. */
  readonly steadyState: {
    readonly hypothesis: Omit<SteadyState, 'probe'>;
    readonly probe: {
      readonly url: string;
      readonly method: string;
      readonly paths: readonly string[];
      readonly rate: number;
      readonly sent: number;
      readonly answered: number;
      readonly skipped: number;
    };
    /** The window judged last: the one that broke, or the last one. */
    readonly window: WindowFigures;
    /** Every probe outcome of the run. */
    readonly overall: WindowFigures;
  } | null;
}

function figuresLine(figures: WindowFigures): string {
  const outcomes = Object.entries(figures.outcomes)
    .sort(([, a], [, b]) => b - a)
    .map(([outcome, n]) => `${outcome}×${n}`)
    .join(' ');
  return `${figures.requests} probes, ${figures.errors} errors (${figures.errorPercent.toFixed(1)}%), p99 ${formatDuration(figures.p99Ms)}${outcomes ? ` [${outcomes}]` : ''}`;
}

/**
 * The report as a few lines for a terminal.
 * @example io.out(formatChaosSummary(report));
 */
export function formatChaosSummary(report: ChaosReport): string {
  const lines = [
    `experiment ${report.name}: ${report.outcome.toUpperCase()} after ${formatDuration(report.elapsedMs)} of ${formatDuration(report.plannedMs)}`,
  ];
  if (report.reason) lines.push(`  reason: ${report.reason}`);
  lines.push(
    `  proxy ${report.proxy.listen} → ${report.proxy.upstream}: ${report.proxy.requests} requests, ${report.proxy.untouched} untouched`,
  );
  for (const fault of report.faults)
    lines.push(`  fault ${fault.name} (${fault.type}): hit ${fault.injected} requests`);
  const steady = report.steadyState;
  if (steady) {
    const { probe } = steady;
    lines.push(
      `  probe ${probe.method} ${probe.url} at ${probe.rate}/s: ${probe.sent} sent, ${probe.answered} judged, ${probe.skipped} skipped`,
    );
    lines.push(`  last window (${formatDuration(steady.window.windowMs)}): ${figuresLine(steady.window)}`);
    lines.push(`  whole run: ${figuresLine(steady.overall)}`);
  }
  return `${lines.join('\n')}\n`;
}
