import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs.js';
import { evidenceSet } from './compliance-fixtures.testing.js';
import { buildComplianceReport, complianceFileName } from './compliance-report.js';

const META = { generated: Date.UTC(2024, 4, 1, 12), version: '1.2.3', source: 'SQLite /data/infinisec.db' };

describe('buildComplianceReport', () => {
  it('gives each control the worst status of its evidence', () => {
    const report = buildComplianceReport(
      'soc2',
      evidenceSet('pass', { mfa: 'fail', backup: 'warn', retention: 'info' }),
      META,
    );
    const status = (id: string) => report.controls.find((c) => c.id === id)?.status;
    expect(status('CC6.1')).toBe('fail'); // mfa, access-roles, encryption-at-rest
    expect(status('CC6.3')).toBe('pass'); // access-roles only
    expect(status('A1.2')).toBe('warn'); // backup
    expect(status('C1.2')).toBe('info'); // retention alone: a fact, no judgement
    expect(report.status).toBe('fail');
    expect(report.summary).toEqual({ pass: 8, warn: 1, fail: 1, info: 1 });
  });

  it('passes as a whole only when every control passes', () => {
    const report = buildComplianceReport('iso27001', evidenceSet('pass'), META);
    expect(report.status).toBe('pass');
    expect(report.summary.pass).toBe(CATALOGS.iso27001.controls.length);
  });

  it('lists the evidence its controls name, each once, and nothing else', () => {
    const report = buildComplianceReport('soc2', evidenceSet('pass'), META);
    const ids = report.evidence.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(CATALOGS.soc2.controls.flatMap((c) => c.evidence)));
    expect(ids).not.toContain('subject-rights');
    expect(report).toMatchObject({ framework: 'soc2', name: 'SOC 2', ...META });
  });
});

describe('complianceFileName', () => {
  it('names the framework and the UTC date', () => {
    expect(complianceFileName('gdpr', Date.UTC(2024, 4, 1, 23, 59), 'pdf')).toBe(
      'compliance-gdpr-2024-05-01.pdf',
    );
  });
});
