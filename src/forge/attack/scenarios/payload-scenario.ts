import { generatePayloadRequests, type PayloadFamily } from '../payload/payload-family.js';
import type { Scenario } from '../scenario.js';
import { sendRequests } from '../send-requests.js';

/**
 * The scenario of a payload family: 40 requests from one client (or each from its own with `--spread`),
 * four at a time. Every request is an attack, so none is granted.
 */
export function payloadScenario(family: PayloadFamily): Scenario {
  return {
    name: family.name,
    kind: 'payload',
    summary: family.summary,
    requests: 40,
    seconds: 20,
    grace: 0,
    expect: 'answer',
    run: (ctx) =>
      sendRequests(ctx, generatePayloadRequests(family, ctx.random), {
        concurrency: 4,
        eachFromNewClient: ctx.spread,
      }),
  };
}
