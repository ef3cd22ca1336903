import { z } from 'zod';
import type { ControlDeps } from '../control-deps.js';
import { HttpError } from '../http/http-error.js';
import { type Route, route } from '../http/router.js';

/** The brain: incident summaries, questions about events, explanations of findings, forecast, status. */
export function brainRoutes(deps: ControlDeps): Route[] {
  const brain = () => {
    if (deps.brain === undefined) throw new HttpError(503, 'the brain does not run in this process');
    return deps.brain;
  };
  return [
    route({
      method: 'POST',
      path: '/api/incidents/{id}/summary',
      access: 'analysis:run',
      tag: 'incidents',
      summary:
        'A plain-language summary of an incident with recommended actions, written by the configured model chain or, without one (or when every model fails), by rules.',
      async handle({ params }) {
        const summary = await brain().summarize(params.id!);
        if (summary === undefined) throw new HttpError(404, 'no such incident');
        return { json: summary };
      },
    }),
    route({
      method: 'POST',
      path: '/api/events/ask',
      access: 'analysis:run',
      tag: 'events',
      summary:
        'A question in plain language ("blocked requests from 203.0.113.7 in the last hour"), turned into an event query that is validated before it runs; answers the query and the events.',
      body: z.strictObject({ question: z.string().min(1).max(500) }),
      async handle({ body }) {
        return { json: await brain().ask(body.question) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/events/{id}/findings/{index}/explanation',
      access: 'analysis:run',
      tag: 'events',
      summary: 'What a finding of an event means and why it matters.',
      async handle({ params }) {
        const index = Number(params.index);
        if (!Number.isInteger(index) || index < 0)
          throw new HttpError(400, '`index` must be a finding number');
        const explanation = await brain().explain(params.id!, index);
        if (explanation === undefined) throw new HttpError(404, 'no such event or finding');
        return { json: explanation };
      },
    }),
    route({
      method: 'GET',
      path: '/api/forecast',
      access: 'events:read',
      tag: 'brain',
      summary:
        "A site's traffic forecast (seasonal smoothing), flagged when expected load nears the configured capacity.",
      query: z.strictObject({ site: z.string().min(1).max(256) }),
      async handle({ query }) {
        return { json: await brain().forecast(query.site) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/brain',
      access: 'incidents:read',
      tag: 'brain',
      summary:
        'The agents (state, queue, crashes), the alerts (raised, grouped, delivered) and the analyst (answers, tokens, cost).',
      handle: () => ({ json: brain().status() }),
    }),
  ];
}
