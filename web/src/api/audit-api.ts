import { apiRequest } from './api-client';
import type { AUDIT_EXPORT_FORMATS, AuditEntry, AuditVerification } from './audit-types';

/** Audit entries after a sequence number, oldest first. */
export const listAudit = (query: { afterSeq: number; limit: number; actor?: string; action?: string }) =>
  apiRequest<{ entries: AuditEntry[] }>('GET', '/api/audit', { query }).then((r) => r.entries);

/** Walks the hash chain. */
export const verifyAudit = () => apiRequest<AuditVerification>('GET', '/api/audit/verify');

/** The whole log as text in an export format. */
export const exportAudit = (format: (typeof AUDIT_EXPORT_FORMATS)[number]) =>
  apiRequest<string>('GET', '/api/audit/export', { query: { format }, text: true });
