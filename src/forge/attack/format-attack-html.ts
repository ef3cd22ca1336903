import { escapeHtml } from '../../core/index.js';
import type { AttackReport, ScenarioReport } from './attack-report-schema.js';
import { OUTCOME_LABELS, OUTCOMES, type Outcome } from './outcome.js';

const COLOURS: Readonly<Record<Outcome, string>> = {
  blocked: '#2e7d32',
  challenged: '#0277bd',
  trapped: '#6a1b9a',
  rateLimited: '#ef6c00',
  timeout: '#5d4037',
  error: '#9e9e9e',
  passed: '#c62828',
};

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:right}
th:first-child,td:first-child,td.l{text-align:left}.bar{display:flex;height:.9rem;min-width:8rem;background:#eee}
.bar span{display:block;height:100%}.score{font-size:3rem;font-weight:700}.legend span{display:inline-block;
margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
code{font-size:.85em;word-break:break-all}.bad{color:#c62828}`;

const e = (value: string | number) => escapeHtml(String(value));
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function bar(s: ScenarioReport): string {
  if (s.requests === 0) return '<div class="bar"></div>';
  const parts = OUTCOMES.filter((o) => s.outcomes[o] > 0).map((o) => {
    const width = ((100 * s.outcomes[o]) / s.requests).toFixed(2);
    return `<span style="width:${width}%;background:${COLOURS[o]}" title="${e(`${OUTCOME_LABELS[o]}: ${s.outcomes[o]}`)}"></span>`;
  });
  return `<div class="bar">${parts.join('')}</div>`;
}

function row(s: ScenarioReport): string {
  const verdict = s.verdict === 'passed-through' && s.expect === 'answer' ? ' class="l bad"' : ' class="l"';
  const cells = OUTCOMES.map((o) => `<td>${e(s.outcomes[o])}</td>`).join('');
  const ms = (v: number | null) => (v === null ? '-' : e(v));
  return `<tr><td>${e(s.name)}</td><td>${e(s.requests)}${s.truncated ? '*' : ''}</td><td>${bar(s)}</td>${cells}<td>${ms(s.latencyMs.p50)}</td><td>${ms(s.latencyMs.p99)}</td><td${verdict}>${e(s.verdict)}</td><td>${e(s.score)}${s.delta === null ? '' : ` (${e(signed(s.delta))})`}</td></tr>`;
}

function samples(report: AttackReport): string {
  const items = report.scenarios.flatMap((s) =>
    s.samples.map(
      (x) =>
        `<li><b>${e(s.name)}</b> ${e(OUTCOME_LABELS[x.outcome])}${x.status === null ? '' : ` ${e(x.status)}`}: <code>${e(x.request)}</code></li>`,
    ),
  );
  return items.length === 0 ? '' : `<h2>Requests to study</h2><ul>${items.join('')}</ul>`;
}

/**
 * The report as one self-contained HTML page: no script, no outside resource, every value escaped (the
 * samples carry attack payloads).
 */
export function formatAttackHtml(report: AttackReport): string {
  const base = report.baseline;
  const change =
    base === null
      ? 'first run: nothing to compare with'
      : `${signed(base.delta)} since ${base.startedAt} (${base.score}/100)`;
  const legend = OUTCOMES.map(
    (o) => `<span><i style="background:${COLOURS[o]}"></i>${e(OUTCOME_LABELS[o])}</span>`,
  );
  const head = [
    'scenario',
    'requests',
    'outcomes',
    ...OUTCOMES.map((o) => OUTCOME_LABELS[o]),
    'p50 ms',
    'p99 ms',
    'verdict',
    'score',
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>infinisec attack report: ${e(report.target)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Attack report</h1>
<p>${e(report.target)}, ${e(report.startedAt)}, ${e(report.totals.requests)} requests in ${e((report.durationMs / 1000).toFixed(1))} s, seed ${e(report.seed)}</p>
<p><span class="score">${e(report.score)}</span>/100 resilience score, ${e(change)}</p>
<p class="legend">${legend.join('')}</p>
<table>
<thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${report.scenarios.map(row).join('\n')}
</tbody>
</table>
${samples(report)}
</body>
</html>
`;
}
