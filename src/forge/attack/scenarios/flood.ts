import type { AttackRequest } from '../attack-request.js';
import { BROWSER_AGENT } from '../payload/injection-points.js';
import type { Random } from '../random.js';
import type { Scenario } from '../scenario.js';
import { sendRequests } from '../send-requests.js';

function* burst(random: Random): Generator<AttackRequest> {
  for (;;) {
    const target = random.pick([
      '/',
      '/products',
      `/products/${random.int(1, 6)}`,
      `/search?q=${random.word(5)}`,
      '/about',
      '/api/products',
    ]);
    yield {
      method: 'GET',
      target,
      headers: [
        ['User-Agent', BROWSER_AGENT],
        ['Accept', '*/*'],
      ],
    };
  }
}

/** A burst of ordinary-looking requests from one client, fifty at a time; the first hundred are granted. */
export const FLOOD: Scenario = {
  name: 'flood',
  kind: 'behaviour',
  summary: 'a burst of ordinary requests from one client, 50 in flight',
  requests: 400,
  seconds: 20,
  grace: 100,
  expect: 'answer',
  run: (ctx) => sendRequests(ctx, burst(ctx.random), { concurrency: 50 }),
};
