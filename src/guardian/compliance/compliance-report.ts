import { CATALOGS } from './catalogs.js';
import { type ComplianceStatus, countStatuses, worstStatus } from './compliance-status.js';
import { EVIDENCE_IDS, type Evidence, type EvidenceSet } from './evidence.js';
import type { ControlSpec, Framework } from './framework-catalog.js';

/** A control with the status its evidence gives it. */
export interface ControlResult extends ControlSpec {
  readonly status: ComplianceStatus;
}

/** Where and when a report was made. */
export interface ReportMeta {
  /** Epoch milliseconds. */
  readonly generated: number;
  /** The infinisec version that made it. */
  readonly version: string;
  /** What the evidence was read from: `SQLite .infinisec/infinisec.db`. */
  readonly source: string;
}

/** A framework's controls, each judged by live evidence, and the evidence itself. */
export interface ComplianceReport extends ReportMeta {
  readonly framework: Framework;
  readonly name: string;
  readonly edition: string;
  /** The worst status of any control. */
  readonly status: ComplianceStatus;
  /** Controls per status. */
  readonly summary: Readonly<Record<ComplianceStatus, number>>;
  readonly controls: readonly ControlResult[];
  /** The evidence the controls name, each once, in the usual order. */
  readonly evidence: readonly Evidence[];
}

/**
 * Judges each control of a framework by its evidence: a control's status is the worst of its evidence.
 * @example const report = buildComplianceReport('soc2', evidence, { generated: Date.now(), version, source });
 */
export function buildComplianceReport(
  framework: Framework,
  evidence: EvidenceSet,
  meta: ReportMeta,
): ComplianceReport {
  const catalog = CATALOGS[framework];
  const controls = catalog.controls.map((control) => ({
    ...control,
    status: worstStatus(control.evidence.map((id) => evidence[id].status)),
  }));
  const used = new Set(catalog.controls.flatMap((c) => c.evidence));
  return {
    framework,
    name: catalog.name,
    edition: catalog.edition,
    ...meta,
    status: worstStatus(controls.map((c) => c.status)),
    summary: countStatuses(controls.map((c) => c.status)),
    controls,
    evidence: EVIDENCE_IDS.filter((id) => used.has(id)).map((id) => evidence[id]),
  };
}

/**
 * The file name of a report: `compliance-<framework>-<UTC date>.<extension>`.
 * @example complianceFileName('gdpr', Date.UTC(2024, 4, 1), 'pdf') // 'compliance-gdpr-2024-05-01.pdf'
 */
export function complianceFileName(framework: Framework, generated: number, extension: string): string {
  return `compliance-${framework}-${new Date(generated).toISOString().slice(0, 10)}.${extension}`;
}
