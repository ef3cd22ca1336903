import type { SecurityEvent } from '../../../core/index.js';
import { eventOf, seededRandom } from '../shared/events.testing.js';

const PAGES = Array.from({ length: 30 }, (_, i) => `/products/${i}`);

/**
 * Browsing by `clients` ordinary visitors of a site, from `start`: each a few dozen pages at irregular,
 * human intervals, now and then a 404, one browser each. Sorted by time.
 */
export function normalTraffic(clients: number, start: number, seed = 7, site = 'shop'): SecurityEvent[] {
  const random = seededRandom(seed);
  const events: SecurityEvent[] = [];
  for (let c = 0; c < clients; c++) {
    const ip = `10.0.${c >> 8}.${c & 255}`;
    const requests = 25 + Math.floor(random() * 30);
    const meanGapMs = 3000 + random() * 7000;
    let time = start + Math.floor(random() * 60_000);
    for (let r = 0; r < requests; r++) {
      time += Math.round(-Math.log(1 - random()) * meanGapMs);
      events.push(
        eventOf({
          time,
          site,
          ip,
          fingerprint: `browser-${c % 4}`,
          userAgent: `Mozilla/5.0 (${c % 4})`,
          path: PAGES[Math.floor(random() * PAGES.length)]!,
          status: random() < 0.03 ? 404 : 200,
        }),
      );
    }
  }
  return events.sort((a, b) => a.time - b.time);
}
