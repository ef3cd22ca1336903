import type { ComplianceStatus } from './compliance-status.js';

/** Every kind of evidence a report gathers, in the order reports list them. */
export const EVIDENCE_IDS = [
  'audit-chain',
  'mfa',
  'access-roles',
  'encryption-at-rest',
  'encryption-in-transit',
  'detection-mode',
  'incidents',
  'change-approvals',
  'backup',
  'retention',
  'data-minimisation',
  'subject-rights',
] as const;
export type EvidenceId = (typeof EVIDENCE_IDS)[number];

/** One labelled fact behind a finding: `admins` → `2`. */
export interface EvidenceDetail {
  readonly label: string;
  readonly value: string;
}

/** What the running system shows about one thing: a status, one line saying why, and the facts. */
export interface Evidence {
  readonly id: EvidenceId;
  readonly title: string;
  readonly status: ComplianceStatus;
  readonly finding: string;
  readonly details: readonly EvidenceDetail[];
}

/** Every kind of evidence, gathered. */
export type EvidenceSet = Readonly<Record<EvidenceId, Evidence>>;

/** Whether a string names a kind of evidence. */
export function isEvidenceId(value: string): value is EvidenceId {
  return (EVIDENCE_IDS as readonly string[]).includes(value);
}
