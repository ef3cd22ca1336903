import { escapeHtml } from '../../core/index.js';
import type { ComplianceReport, ControlResult } from './compliance-report.js';
import type { ComplianceStatus } from './compliance-status.js';
import { COMPLIANCE_CSP, COMPLIANCE_STYLE } from './compliance-style.js';
import type { Evidence } from './evidence.js';
import { utcTime } from './evidence-text.js';

// Every value that reaches the page goes through `h`; the markup around it is fixed text.
const h = escapeHtml;

const badge = (status: ComplianceStatus) => `<span class="status ${h(status)}">${h(status)}</span>`;

const anchor = (evidence: Evidence) => `evidence-${h(evidence.id)}`;

function controlRow(control: ControlResult, byId: ReadonlyMap<string, Evidence>): string {
  const refs = control.evidence
    .map((id) => byId.get(id)!)
    .map((e) => `<li>${badge(e.status)} <a href="#${anchor(e)}">${h(e.title)}</a></li>`)
    .join('');
  return `<tr><td class="id">${h(control.id)}</td><td><strong>${h(control.title)}</strong><br><span class="desc">${h(control.description)}</span></td><td>${badge(control.status)}</td><td><ul class="refs">${refs}</ul></td></tr>`;
}

function evidenceArticle(evidence: Evidence, controls: readonly ControlResult[]): string {
  const rows = evidence.details
    .map((d) => `<tr><th scope="row">${h(d.label)}</th><td>${h(d.value)}</td></tr>`)
    .join('');
  const supports = controls.filter((c) => c.evidence.includes(evidence.id)).map((c) => h(c.id));
  return `<article class="evidence" id="${anchor(evidence)}"><h3>${badge(evidence.status)} ${h(evidence.title)}</h3><p class="finding">${h(evidence.finding)}</p>${rows === '' ? '' : `<table class="details"><tbody>${rows}</tbody></table>`}<p class="supports">Supports: ${supports.join(', ')}</p></article>`;
}

/**
 * The report as one self-contained HTML page: no script, nothing loaded from anywhere, a strict content
 * security policy, every value escaped; prints to A4.
 * @example writeFileSync('report.html', renderComplianceHtml(report));
 */
export function renderComplianceHtml(report: ComplianceReport): string {
  const byId = new Map(report.evidence.map((e) => [e.id, e] as const));
  const { summary } = report;
  const title = `${report.name} compliance report`;
  const date = utcTime(report.generated);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(COMPLIANCE_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}, ${h(date.slice(0, 10))}</title>
<style>${COMPLIANCE_STYLE}</style>
</head>
<body>
<header>
<p class="product">Infinite Security</p>
<h1>${h(title)}</h1>
<p class="edition">${h(report.edition)}</p>
<dl class="meta"><dt>Generated</dt><dd>${h(date)}</dd><dt>By</dt><dd>infinisec ${h(report.version)}</dd><dt>Evidence from</dt><dd>${h(report.source)}</dd></dl>
<p class="overall">${badge(report.status)} ${report.controls.length} controls: ${summary.pass} pass, ${summary.warn} warn, ${summary.fail} fail${summary.info > 0 ? `, ${summary.info} info` : ''}</p>
</header>
<main>
<section>
<h2>Controls</h2>
<table class="controls"><thead><tr><th>Control</th><th>What it asks</th><th>Status</th><th>Evidence</th></tr></thead><tbody>
${report.controls.map((c) => controlRow(c, byId)).join('\n')}
</tbody></table>
</section>
<section>
<h2>Evidence</h2>
${report.evidence.map((e) => evidenceArticle(e, report.controls)).join('\n')}
</section>
</main>
<footer>
<p>Each control takes the worst status of its evidence: fail over warn over pass; info states a fact and judges nothing. The evidence was read from the running configuration, the stores and the audit log at the time above. It supports an assessment; it is not an attestation.</p>
</footer>
</body>
</html>
`;
}
