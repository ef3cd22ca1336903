import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs.js';
import { evidenceSet } from './compliance-fixtures.testing.js';
import { buildComplianceReport } from './compliance-report.js';
import { COMPLIANCE_CSP, COMPLIANCE_STYLE } from './compliance-style.js';
import { EVIDENCE_IDS, type Evidence, type EvidenceSet } from './evidence.js';
import { FRAMEWORKS } from './framework-catalog.js';
import { renderComplianceHtml } from './render-compliance-html.js';

const HOSTILE = `<img src=x onerror="alert(1)">'&`;
const META = { generated: Date.UTC(2024, 4, 1), version: '1.0.0', source: 'SQLite /data/infinisec.db' };

// Every text of every item hostile: the page must show it and never run it.
function hostileEvidence(): EvidenceSet {
  const set = evidenceSet('warn');
  const entries = EVIDENCE_IDS.map((id): [string, Evidence] => [
    id,
    {
      ...set[id],
      title: `${HOSTILE} title`,
      finding: `${HOSTILE} finding`,
      details: [{ label: `${HOSTILE} label`, value: `${HOSTILE} value` }],
    },
  ]);
  return Object.fromEntries(entries) as unknown as EvidenceSet;
}

describe('renderComplianceHtml', () => {
  it.each(FRAMEWORKS)('%s: names every control and every piece of evidence, with its status', (framework) => {
    const report = buildComplianceReport(framework, evidenceSet('pass', { mfa: 'fail' }), META);
    const html = renderComplianceHtml(report);
    for (const control of CATALOGS[framework].controls)
      expect(html).toContain(`<td class="id">${control.id}</td>`);
    for (const evidence of report.evidence) expect(html).toContain(`id="evidence-${evidence.id}"`);
    expect(html).toContain(`${report.controls.length} controls: ${report.summary.pass} pass`);
  });

  it('escapes every value it shows', () => {
    const report = buildComplianceReport('gdpr', hostileEvidence(), {
      ...META,
      source: HOSTILE,
      version: HOSTILE,
    });
    const html = renderComplianceHtml(report);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp; finding');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp; value');
  });

  it('loads nothing and runs nothing: no script, no external address, a policy allowing only its stylesheet', () => {
    const html = renderComplianceHtml(buildComplianceReport('soc2', evidenceSet('pass'), META));
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import/i);
    expect(html.match(/(?:href|src)="[^"]*"/g)?.every((ref) => ref.startsWith('href="#'))).toBe(true);
    const hash = createHash('sha256').update(COMPLIANCE_STYLE).digest('base64');
    expect(COMPLIANCE_CSP).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`,
    );
    expect(html).toContain(`<style>${COMPLIANCE_STYLE}</style>`);
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
  });

  it('carries a print stylesheet', () => {
    expect(COMPLIANCE_STYLE).toContain('@media print');
    expect(COMPLIANCE_STYLE).toContain('@page');
  });
});
