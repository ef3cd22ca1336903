import { z } from 'zod';
import { ACTIONS } from '../../core/index.js';
import type { ControlDeps } from '../control-deps.js';
import { HttpError } from '../http/http-error.js';
import { type Route, route } from '../http/router.js';
import { durationParam, limitParam, timeParam } from './params.js';

const MINUTE = 60_000;

const eventFilter = z.strictObject({
  from: timeParam.optional(),
  to: timeParam.optional(),
  site: z.string().max(256).optional(),
  client: z.string().max(64).optional(),
  action: z.enum(ACTIONS).optional(),
  category: z.string().max(64).optional(),
  path: z.string().max(2048).optional(),
});

/** Events (search, one event, chart aggregates), incidents and labyrinth sessions. */
export function eventRoutes(deps: ControlDeps, clock: () => number): Route[] {
  const { events, incidents, intruders } = deps.stores;
  return [
    route({
      method: 'GET',
      path: '/api/events',
      access: 'events:read',
      tag: 'events',
      summary: 'Security events, newest first, filtered; `next` is the cursor of the following page.',
      query: eventFilter.extend({ limit: limitParam.optional(), cursor: z.string().max(128).optional() }),
      async handle({ query }) {
        try {
          return { json: await events.query(query) };
        } catch (err) {
          // The store refuses a cursor it did not make.
          if (err instanceof RangeError) throw new HttpError(400, 'bad cursor');
          throw err;
        }
      },
    }),
    route({
      method: 'GET',
      path: '/api/events/stats',
      access: 'events:read',
      tag: 'events',
      summary:
        'Aggregates for charts: counts per time bucket, categories, actions, top clients and paths, latency. ' +
        'With buckets of whole minutes, the range is widened to whole minutes (`from` down, `to` up), and ' +
        'latency percentiles over large ranges are approximate (the upper bound of a histogram bucket).',
      query: eventFilter.extend({
        bucket: durationParam.optional(),
        top: z.coerce.number().int().min(1).max(100).optional(),
      }),
      async handle({ query }) {
        const { bucket, top, ...filter } = query;
        const end = filter.to ?? clock();
        const start = filter.from ?? end - 3_600_000;
        if (start >= end) throw new HttpError(400, '`from` must be before `to`');
        const bucketMs = bucket ?? Math.max(1000, Math.ceil((end - start) / 60));
        // Whole minutes let a store answer from per-minute rollups rather than read every event.
        const whole = bucketMs % MINUTE === 0;
        const from = whole ? Math.floor(start / MINUTE) * MINUTE : start;
        const to = whole ? Math.ceil(end / MINUTE) * MINUTE : end;
        if ((to - from) / bucketMs > 2000) throw new HttpError(400, 'at most 2000 buckets: widen `bucket`');
        return { json: await events.stats({ ...filter, from, to, bucketMs, top: top ?? 10 }) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/events/{id}',
      access: 'events:read',
      tag: 'events',
      summary: 'One event with its findings.',
      async handle({ params }) {
        const event = await events.get(params.id!);
        if (!event) throw new HttpError(404, 'no such event');
        return { json: event };
      },
    }),
    route({
      method: 'GET',
      path: '/api/incidents',
      access: 'incidents:read',
      tag: 'incidents',
      summary: 'Incidents, most recently seen first.',
      query: z.strictObject({
        status: z.enum(['open', 'contained', 'resolved']).optional(),
        site: z.string().max(256).optional(),
        since: timeParam.optional(),
        limit: limitParam.optional(),
      }),
      handle: async ({ query }) => ({ json: { incidents: await incidents.list(query) } }),
    }),
    route({
      method: 'GET',
      path: '/api/incidents/{id}',
      access: 'incidents:read',
      tag: 'incidents',
      summary: 'One incident.',
      async handle({ params }) {
        const incident = await incidents.get(params.id!);
        if (!incident) throw new HttpError(404, 'no such incident');
        return { json: incident };
      },
    }),
    route({
      method: 'GET',
      path: '/api/labyrinth/sessions',
      access: 'labyrinth:read',
      tag: 'labyrinth',
      summary: 'Clients trapped in the labyrinth, most recently seen first.',
      query: z.strictObject({
        site: z.string().max(256).optional(),
        since: timeParam.optional(),
        limit: limitParam.optional(),
      }),
      handle: async ({ query }) => ({ json: { sessions: await intruders.list(query) } }),
    }),
    route({
      method: 'GET',
      path: '/api/labyrinth/sessions/{id}',
      access: 'labyrinth:read',
      tag: 'labyrinth',
      summary: 'One intruder session.',
      async handle({ params }) {
        const session = await intruders.get(params.id!);
        if (!session) throw new HttpError(404, 'no such session');
        return { json: session };
      },
    }),
  ];
}
