import type { ScanMistake, ScanReport } from './scan-corpus.js';

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
    .join('\n');
}

function mistakes(title: string, list: readonly ScanMistake[]): string {
  if (list.length === 0) return '';
  const lines = list.map((m) => {
    const why = m.findings.map((f) => `${f.rule}@${f.location} ${f.confidence} "${f.evidence}"`).join('; ');
    return `  ${m.id} [${m.category}] ${m.method} ${m.target}${why ? `\n      ${m.reason}: ${why}` : ''}`;
  });
  return `\n${title}:\n${lines.join('\n')}\n`;
}

/** The report as a terminal table: one row per source × category, then the overall figures. */
export function formatScanTable(report: ScanReport): string {
  const rows: string[][] = [
    ['source', 'category', 'attacks', 'caught', 'rate', 'benign', 'flagged', 'FP rate'],
  ];
  for (const g of report.groups) {
    rows.push([
      g.source,
      g.category,
      String(g.attacks),
      String(g.caught),
      pct(g.caught, g.attacks),
      String(g.benign),
      String(g.flagged),
      pct(g.flagged, g.benign),
    ]);
  }
  const o = report.overall;
  rows.push([
    'all',
    '',
    String(o.attacks),
    String(o.caught),
    pct(o.caught, o.attacks),
    String(o.benign),
    String(o.flagged),
    pct(o.flagged, o.benign),
  ]);
  const summary =
    `detection rate ${pct(o.caught, o.attacks)}, false-positive rate ${pct(o.flagged, o.benign)}, ` +
    `balanced accuracy ${(100 * o.balancedAccuracy).toFixed(2)}%, ${o.requestsPerSecond} requests/s`;
  const problems =
    report.problems.length > 0
      ? `\n${report.problems.length} lines skipped:\n  ${report.problems.slice(0, 10).join('\n  ')}\n`
      : '';
  return `${table(rows)}\n\n${summary}\n${mistakes('missed attacks', report.misses)}${mistakes('false positives', report.falsePositives)}${problems}`;
}

/** The report as the one JSON object `scan --format json` prints. */
export function formatScanJson(report: ScanReport, withMistakes: boolean): string {
  const { overall, groups } = report;
  const body = withMistakes
    ? { overall, groups, misses: report.misses, falsePositives: report.falsePositives }
    : { overall, groups };
  return `${JSON.stringify(body)}\n`;
}
