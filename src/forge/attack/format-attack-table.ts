import type { AttackReport } from './attack-report-schema.js';
import { OUTCOME_LABELS, OUTCOMES } from './outcome.js';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const ms = (v: number | null) => (v === null ? '-' : v < 10 ? v.toFixed(1) : String(Math.round(v)));

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) =>
          i === 0 || i === r.length - 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The report as a terminal table, one row per scenario, then the resilience score and its change. */
export function formatAttackTable(report: AttackReport): string {
  const rows: string[][] = [
    [
      'scenario',
      'requests',
      ...OUTCOMES.map((o) => OUTCOME_LABELS[o]),
      'p50 ms',
      'p99 ms',
      'verdict',
      'score',
    ],
  ];
  for (const s of report.scenarios) {
    const verdict = s.expect === 'pass' && s.verdict === 'answered' ? 'answered (should pass)' : s.verdict;
    rows.push([
      s.name,
      `${s.requests}${s.truncated ? '*' : ''}`,
      ...OUTCOMES.map((o) => String(s.outcomes[o])),
      ms(s.latencyMs.p50),
      ms(s.latencyMs.p99),
      verdict,
      `${s.score}${s.delta === null ? '' : ` (${signed(s.delta)})`}`,
    ]);
  }
  const lines = [table(rows), ''];
  const base = report.baseline;
  lines.push(
    `resilience score ${report.score}/100` +
      (base === null
        ? ' (first run: nothing to compare with)'
        : ` (${signed(base.delta)} since ${base.startedAt})`),
  );
  const missed = report.scenarios.filter((s) => s.expect === 'answer' && s.verdict === 'passed-through');
  if (missed.length > 0) lines.push(`passed through: ${missed.map((s) => s.name).join(', ')}`);
  const stopped = report.scenarios.filter((s) => s.truncated);
  if (stopped.length > 0)
    lines.push(`* stopped by the request or time budget: ${stopped.map((s) => s.name).join(', ')}`);
  lines.push(
    `${report.totals.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s to ${report.target}, ` +
      (report.clients === 'distinct'
        ? 'each scenario from a loopback address of its own'
        : 'every scenario from the same address'),
  );
  return `${lines.join('\n')}\n`;
}
