export type { AuditEntry } from '../../../src/core/index.js';

/** What walking the chain found. */
export type AuditVerification =
  | { readonly ok: true; readonly entries: number }
  | {
      readonly ok: false;
      readonly entries: number;
      readonly problem: { readonly kind: string; readonly seq: number; readonly message: string };
    };

/** Formats of an audit export. */
export const AUDIT_EXPORT_FORMATS = ['jsonl', 'csv', 'cef'] as const;
