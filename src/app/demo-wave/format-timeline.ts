import { formatDuration } from './format-duration.js';
import type { StepReport, TimelineEntry } from './timeline.js';

const DID_WIDTH = 40;
const ANSWER_WIDTH = 46;

/** Entries alike in actor, action and answer, one after the other: one line with a count. */
function runs(entries: readonly TimelineEntry[]): TimelineEntry[][] {
  const grouped: TimelineEntry[][] = [];
  for (const entry of entries) {
    const last = grouped.at(-1)?.[0];
    const alike =
      last !== undefined &&
      last.actor === entry.actor &&
      last.did === entry.did &&
      last.answer === entry.answer &&
      last.actor !== 'gateway';
    if (alike) grouped.at(-1)!.push(entry);
    else grouped.push([entry]);
  }
  return grouped;
}

function padded(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function offset(ms: number): string {
  return `+${(Math.max(0, ms) / 1000).toFixed(3)}s`;
}

function range(low: number, high: number): string {
  const [from, to] = [formatDuration(low), formatDuration(high)];
  if (from === to) return from;
  // `0.9–12 ms` rather than `0.9 ms–12 ms`.
  return from.endsWith(' ms') && to.endsWith(' ms') ? `${from.slice(0, -3)}–${to}` : `${from}–${to}`;
}

function took(group: readonly TimelineEntry[]): string {
  const times = group.flatMap((e) => (e.ms === undefined ? [] : [e.ms]));
  if (times.length === 0) return '';
  const low = Math.min(...times);
  const high = Math.max(...times);
  const span = group.length === 1 ? formatDuration(low) : range(low, high);
  const drips = group.flatMap((e) => (e.dripMs === undefined ? [] : [e.dripMs]));
  // The head comes at once; the body of a maze page is dripped by the tarpit.
  return drips.length === 0 ? span : `${span}, then dripped ${formatDuration(Math.max(...drips))}`;
}

function line(group: readonly TimelineEntry[]): string {
  const first = group[0]!;
  const did =
    group.length > 1
      ? `${first.did} ×${group.length}`
      : first.detail
        ? `${first.did}  ${first.detail}`
        : first.did;
  const who = `${first.actor.padEnd(8)} ${first.address.padEnd(11)}`;
  return `     ${offset(first.atMs).padStart(8)}  ${who}  ${padded(did, DID_WIDTH)}  ${first.answer.padEnd(ANSWER_WIDTH)}  ${took(group)}`.trimEnd();
}

/**
 * The titles of the timeline's columns, aligned with `formatStep`'s lines.
 * @example io.out(formatColumns())
 */
export function formatColumns(): string {
  const who = `${'actor'.padEnd(8)} ${'address'.padEnd(11)}`;
  return `     ${'offset'.padStart(8)}  ${who}  ${padded('sent', DID_WIDTH)}  ${padded('gateway', ANSWER_WIDTH)}  took\n\n`;
}

/**
 * One step of the timeline as text: a ✓ or ✗ header, one line per request or run of alike requests
 * (offset from the wave's start, actor and address, what it sent, what the gateway did, how fast), then
 * what was expected and what happened.
 * @example io.out(formatStep(report))
 */
export function formatStep(report: StepReport): string {
  const lines = [`  ${report.ok ? '✓' : '✗'} ${report.number}. ${report.title}`];
  for (const group of runs(report.entries)) lines.push(line(group));
  lines.push(`       expected  ${report.expected}`);
  lines.push(`       ${report.ok ? 'got     ' : 'got ✗   '}  ${report.observed}`);
  return `${lines.join('\n')}\n\n`;
}

/**
 * The closing line: how many steps went as expected, and how long the wave took.
 * @example formatSummary(played.steps, played.durationMs) // '✓ 5 of 5 steps as expected, in 2.31 s'
 */
export function formatSummary(steps: readonly StepReport[], durationMs: number): string {
  const good = steps.filter((s) => s.ok).length;
  const mark = good === steps.length ? '✓' : '✗';
  return `  ${mark} ${good} of ${steps.length} steps as expected, in ${formatDuration(durationMs)}\n`;
}
