// The API's own types, shared with the server so the two cannot drift apart.

export type { ComplianceReport, ControlResult } from '../../../src/guardian/compliance/compliance-report.js';
export {
  COMPLIANCE_STATUSES,
  type ComplianceStatus,
} from '../../../src/guardian/compliance/compliance-status.js';
export type { Evidence, EvidenceDetail, EvidenceId } from '../../../src/guardian/compliance/evidence.js';
export { FRAMEWORKS, type Framework } from '../../../src/guardian/compliance/framework-catalog.js';
