import { apiRequest } from './api-client';
import type { ChangeStatus, ChangeView } from './change-types';

/** Change requests, newest first; `status` narrows. */
export const listChanges = (query: { status?: ChangeStatus; limit?: number } = {}) =>
  apiRequest<{ changes: ChangeView[] }>('GET', '/api/changes', { query }).then((r) => r.changes);

/** One change request with its impact preview and diff. */
export const getChange = (id: string) =>
  apiRequest<ChangeView>('GET', `/api/changes/${encodeURIComponent(id)}`);

/** Approves a pending change request; the last approval it needs applies it. */
export const approveChange = (id: string, comment: string) =>
  apiRequest<ChangeView>('POST', `/api/changes/${encodeURIComponent(id)}/approve`, { json: { comment } });

/** Rejects a pending change request (its requester withdraws it this way). */
export const rejectChange = (id: string, comment: string) =>
  apiRequest<ChangeView>('POST', `/api/changes/${encodeURIComponent(id)}/reject`, { json: { comment } });
