import { formatDuration } from '../format-duration.js';
import type { WaveStep } from '../wave-step.js';

const PAGES = ['/', '/products', '/search?q=boots'];

/** A person browsing the shop: the gateway forwards every page and adds little time. */
export const shopperStep: WaveStep = {
  id: 'shopper',
  title: 'A shopper browses the shop',
  expected: 'every page served by the shop, through the gateway',
  async run(ctx) {
    const { shopper } = ctx.actors;
    const served: number[] = [];
    for (const path of PAGES) {
      const { exchange, event } = await ctx.send(shopper, {
        method: 'GET',
        path,
        headers: { accept: 'text/html', 'accept-language': 'en' },
      });
      const passed = event?.verdict.action === 'allow' || event?.verdict.action === 'log';
      if (exchange.status === 200 && event?.response.origin === 'upstream' && passed)
        served.push(exchange.headMs);
    }
    const slowest = Math.max(...served);
    return {
      ok: served.length === PAGES.length,
      observed:
        served.length === 0
          ? 'no page reached the shop'
          : `${served.length} of ${PAGES.length} pages served by the shop, each in ${formatDuration(slowest)} or less`,
    };
  },
};
