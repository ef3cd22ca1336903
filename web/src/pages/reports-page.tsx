import { useCallback } from 'react';
import { FRAMEWORKS, type Framework } from '../api/report-types';
import { getComplianceReport } from '../api/reports-api';
import { AsyncView } from '../components/async-view';
import { ComplianceControls } from '../components/compliance-controls';
import { ComplianceEvidence } from '../components/compliance-evidence';
import { ComplianceStatusBadge } from '../components/compliance-status-badge';
import { PageHeader } from '../components/page-header';
import { PrintableReport } from '../components/printable-report';
import { StatCard } from '../components/stat-card';
import { formatDateTime } from '../format/format-time';
import { useApiData } from '../hooks/use-api-data';
import { href } from '../router/hash-route';

const LABELS: Readonly<Record<Framework, string>> = { soc2: 'SOC 2', iso27001: 'ISO 27001', gdpr: 'GDPR' };

function isFramework(value: string | undefined): value is Framework {
  return (FRAMEWORKS as readonly (string | undefined)[]).includes(value);
}

/** Compliance reports: a framework's controls judged by evidence the running system shows now. */
export function ReportsPage({ framework: chosen }: { readonly framework?: string }) {
  const framework: Framework = isFramework(chosen) ? chosen : 'soc2';
  const load = useCallback(() => getComplianceReport(framework), [framework]);
  const report = useApiData(load);
  return (
    <section>
      <PageHeader title="Compliance reports">
        <PrintableReport framework={framework} />
      </PageHeader>
      <nav className="tabs" aria-label="Framework">
        {FRAMEWORKS.map((f) => (
          <a key={f} href={href('reports', f)} aria-current={f === framework ? 'page' : undefined}>
            {LABELS[f]}
          </a>
        ))}
      </nav>
      <AsyncView source={report}>
        {(r) => (
          <div className="stack" data-testid="compliance-report">
            <div className="card">
              <h2>
                {r.name} <span className="muted">({r.edition})</span>{' '}
                <ComplianceStatusBadge status={r.status} />
              </h2>
              <p className="muted">
                Generated {formatDateTime(r.generated)} by infinisec {r.version} from {r.source}. Each control
                takes the worst status of its evidence.
              </p>
              <div className="stat-grid">
                <StatCard label="Pass" value={r.summary.pass} />
                <StatCard
                  label="Warn"
                  value={r.summary.warn}
                  tone={r.summary.warn > 0 ? 'warning' : 'neutral'}
                />
                <StatCard
                  label="Fail"
                  value={r.summary.fail}
                  tone={r.summary.fail > 0 ? 'danger' : 'neutral'}
                />
                <StatCard label="Info" value={r.summary.info} tone="info" />
              </div>
            </div>
            <div className="card">
              <h2>Controls</h2>
              <ComplianceControls report={r} />
            </div>
            <div className="card">
              <h2>Evidence</h2>
              <ComplianceEvidence evidence={r.evidence} />
            </div>
          </div>
        )}
      </AsyncView>
    </section>
  );
}
