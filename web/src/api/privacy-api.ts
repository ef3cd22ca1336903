import { apiRequest } from './api-client';

/** Whose data: a client address, or a control-plane user by username. */
export type PrivacySubject = { readonly ip: string } | { readonly user: string };

/** What an erasure removed per kind of data, its audit name for the subject, and what it kept on purpose. */
export interface Erasure {
  readonly counts: Readonly<Record<string, number>>;
  readonly target: string;
  readonly notes: readonly string[];
}

/** Everything kept about the subject, as one JSON document with a section per kind of data. */
export const exportSubject = (subject: PrivacySubject) =>
  apiRequest<Record<string, unknown>>('POST', '/api/privacy/export', { json: subject });

/** Erases what is kept about the subject (the audit log keeps its entries). */
export const eraseSubject = (subject: PrivacySubject) =>
  apiRequest<Erasure>('POST', '/api/privacy/erase', { json: subject });
