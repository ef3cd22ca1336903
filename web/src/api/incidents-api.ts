import { apiRequest } from './api-client';
import type { Incident } from './defence-types';

/** Incidents, most recently seen first. */
export const listIncidents = (status?: Incident['status']) =>
  apiRequest<{ incidents: Incident[] }>('GET', '/api/incidents', { query: { status, limit: 200 } }).then(
    (r) => r.incidents,
  );
