import { apiRequest } from './api-client';
import type { IntruderSession } from './defence-types';

/** Clients trapped in the labyrinth, most recently seen first. */
export const listIntruders = () =>
  apiRequest<{ sessions: IntruderSession[] }>('GET', '/api/labyrinth/sessions', {
    query: { limit: 200 },
  }).then((r) => r.sessions);

/** One intruder session. */
export const getIntruder = (id: string) =>
  apiRequest<IntruderSession>('GET', `/api/labyrinth/sessions/${encodeURIComponent(id)}`);
