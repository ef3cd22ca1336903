import type { PageContext } from '../page-context.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',
  'curl/7.81.0',
];
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A web server access log in combined format whose requests are for maze paths. */
export function accessLogFile(ctx: PageContext): string {
  const { rng } = ctx;
  const day = `${pad(rng.between(1, 28))}/${rng.pick(MONTHS)}/${rng.between(2019, 2024)}`;
  let seconds = rng.between(0, 70_000);
  const lines = [...ctx.links(), ...ctx.siteLinks()].map((link) => {
    seconds += rng.between(1, 400);
    const time = `${pad(Math.floor(seconds / 3600) % 24)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
    const address = `${rng.between(11, 220)}.${rng.between(0, 255)}.${rng.between(0, 255)}.${rng.between(1, 254)}`;
    const size = rng.between(900, 48_000);
    return `${address} - - [${day}:${time} +0000] "GET ${link.href} HTTP/1.1" 200 ${size} "-" "${rng.pick(AGENTS)}"`;
  });
  return `${lines.join('\n')}\n`;
}
