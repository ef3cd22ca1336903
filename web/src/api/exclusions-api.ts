import { apiRequest } from './api-client';
import type { ChangeView } from './change-types';
import type { Exclusion } from './defence-types';

/** What adding an exclusion answers: the new configuration version, or the change waiting for approval. */
export type ExclusionAdded =
  | {
      readonly pending?: false;
      readonly exclusion: Exclusion;
      readonly version: number;
      readonly change?: ChangeView;
    }
  | { readonly pending: true; readonly change: ChangeView };

/** Exclusions in force. */
export const listExclusions = () =>
  apiRequest<{ exclusions: Exclusion[] }>('GET', '/api/exclusions').then((r) => r.exclusions);

/** Adds an exclusion to the configuration, at once or through a change request waiting for approval. */
export const addExclusion = (exclusion: Exclusion) =>
  apiRequest<ExclusionAdded>('POST', '/api/exclusions', { json: exclusion });
