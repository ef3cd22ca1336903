import { apiRequest } from './api-client';
import type { EventFilter, EventPage, EventStats, SecurityEvent } from './event-types';

/** Events, newest first. */
export const listEvents = (filter: EventFilter & { limit?: number; cursor?: string }, signal?: AbortSignal) =>
  apiRequest<EventPage>('GET', '/api/events', { query: { ...filter }, ...(signal ? { signal } : {}) });

/** One event with its findings. */
export const getEvent = (id: string) =>
  apiRequest<SecurityEvent>('GET', `/api/events/${encodeURIComponent(id)}`);

/** Chart aggregates over a range. */
export const eventStats = (range: { from: number; to: number; bucket: string; top: number }) =>
  apiRequest<EventStats>('GET', '/api/events/stats', { query: range });
