import type { ComplianceReport, Framework } from '../guardian/compliance/index.js';

/** Who asked for a report, as the audit log records it. */
export interface ReportRequester {
  /** `user:<name>`, `apikey:<id>`, `cli`. */
  readonly actor: string;
  readonly ip: string;
}

/** Compliance reports, as the control plane may produce them; the composition root provides it. */
export interface ReportControl {
  /** Gathers the evidence as it stands, builds the report of one framework, and audits that it was made. */
  compliance(framework: Framework, requester: ReportRequester): Promise<ComplianceReport>;
  /** The report as one self-contained HTML page. */
  html(report: ComplianceReport): string;
}
