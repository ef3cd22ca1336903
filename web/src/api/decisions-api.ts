import { apiRequest } from './api-client';
import type { ChangeView } from './change-types';
import type { Decision, DecisionImportInput, DecisionInput } from './defence-types';

/** Decisions in force. */
export const listDecisions = () =>
  apiRequest<{ decisions: Decision[] }>('GET', '/api/decisions').then((r) => r.decisions);

/** Adds a decision; with approvals on, one on a broad range becomes a change request waiting for approval. */
export const addDecision = (input: DecisionInput) =>
  apiRequest<Decision | { readonly pending: true; readonly change: ChangeView }>('POST', '/api/decisions', {
    json: input,
  });

/** Deletes a decision. */
export const deleteDecision = (id: string) =>
  apiRequest<void>('DELETE', `/api/decisions/${encodeURIComponent(id)}`);

/** Imports a list of addresses as decisions; `problems` has one line per entry that was not understood. */
export const importDecisions = (input: DecisionImportInput) =>
  apiRequest<{ added: Decision[]; problems: string[] }>('POST', '/api/decisions/import', { json: input });
