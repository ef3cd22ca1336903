import { resolve } from 'node:path';
import type { Config } from '../../config/index.js';
import type { ReportControl } from '../../control/report-control.js';
import { buildComplianceReport, renderComplianceHtml } from '../../guardian/compliance/index.js';
import type { AuditLog } from '../../guardian/index.js';
import { connectionTarget } from '../../store/postgres/connection-target.js';
import { databaseFile } from '../decision-persistence.js';
import { type EvidenceStores, gatherEvidence } from './gather-evidence.js';

/** What the reporter reads and where it records that a report was made. */
export interface ComplianceReporterDeps {
  readonly stores: EvidenceStores;
  /** The configuration in force now (it changes on reload). */
  readonly config: () => Config;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly audit: AuditLog;
  readonly version: string;
  readonly clock?: () => number;
}

/** What the evidence is read from, for the report's header; never a password. */
export function evidenceSource(config: Config): string {
  const { driver, postgres } = config.store;
  if (driver === 'memory') return 'the memory store of the running process';
  if (driver === 'postgres')
    return `PostgreSQL ${connectionTarget(postgres.url!).server}, schema ${postgres.schema}`;
  return `SQLite ${resolve(databaseFile(config))}`;
}

/**
 * Compliance reports over live evidence; each one made is an audit entry (`report.compliance`).
 * @example const reports = createComplianceReporter({ stores, config: () => config, env, audit, version });
 * const report = await reports.compliance('soc2', { actor: 'cli', ip: '' });
 */
export function createComplianceReporter(deps: ComplianceReporterDeps): ReportControl {
  const clock = deps.clock ?? Date.now;
  return {
    async compliance(framework, requester) {
      const config = deps.config();
      const now = clock();
      const evidence = await gatherEvidence({ stores: deps.stores, config, env: deps.env, now });
      const report = buildComplianceReport(framework, evidence, {
        generated: now,
        version: deps.version,
        source: evidenceSource(config),
      });
      await deps.audit.append({
        actor: requester.actor,
        action: 'report.compliance',
        target: framework,
        outcome: 'success',
        ip: requester.ip,
        details: { status: report.status, ...report.summary },
      });
      return report;
    },
    html: renderComplianceHtml,
  };
}
