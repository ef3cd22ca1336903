import { formatDuration } from '../format-duration.js';
import type { WaveStep } from '../wave-step.js';

const PAYLOAD = "' OR '1'='1' --";

/**
 * A classic SQL injection in the search box. With the labyrinth on, the gateway answers a request it would
 * block with a decoy page instead of a 403 (docs/labyrinth.md): either way the shop never sees it.
 */
export const sqlInjectionStep: WaveStep = {
  id: 'sql-injection',
  title: 'An attacker tries an SQL injection',
  expected: 'stopped by the gateway before the shop, in milliseconds (detector/sqli)',
  async run(ctx) {
    const { exchange, event } = await ctx.send(ctx.actors.attacker, {
      method: 'GET',
      path: `/search?q=${encodeURIComponent(PAYLOAD)}`,
      headers: { accept: 'text/html' },
    });
    if (event === undefined) return { ok: false, observed: `${exchange.status}, but no event was recorded` };
    const { action, reason } = event.verdict;
    const took = formatDuration(exchange.headMs);
    const stopped =
      reason === 'detector/sqli' &&
      event.response.origin === 'gateway' &&
      (action === 'block' || action === 'labyrinth');
    if (!stopped)
      return {
        ok: false,
        observed: `${action} (${reason}), answered by the ${event.response.origin === 'upstream' ? 'shop' : 'gateway'}`,
      };
    if (action === 'block') return { ok: true, observed: `blocked (${exchange.status}) in ${took}` };
    const intruder = event.labyrinthSession;
    const trap = intruder === undefined ? undefined : (await ctx.gateway.intruder(intruder))?.strategy;
    return {
      ok: true,
      observed:
        `never reached the shop: answered in ${took} with a decoy ${exchange.status} page from the ` +
        `labyrinth's ${trap ?? '?'} trap (the labyrinth is on, so no 403); the attacker is intruder ${intruder ?? '?'}`,
    };
  },
};
