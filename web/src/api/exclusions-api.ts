import { apiRequest } from './api-client';
import type { Exclusion } from './defence-types';

/** Exclusions in force. */
export const listExclusions = () =>
  apiRequest<{ exclusions: Exclusion[] }>('GET', '/api/exclusions').then((r) => r.exclusions);

/** Adds an exclusion to the configuration; answers the new configuration version. */
export const addExclusion = (exclusion: Exclusion) =>
  apiRequest<{ exclusion: Exclusion; version: number }>('POST', '/api/exclusions', { json: exclusion });
