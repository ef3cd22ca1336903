import type { DemoContext } from './demo-context.js';
import { sendText } from './respond.js';

const ROBOTS = 'User-agent: *\nDisallow: /api/\nDisallow: /login\n';

/** GET /robots.txt — keeps crawlers out of the API and the login form. */
export function serveRobots({ res }: DemoContext): void {
  sendText(res, 200, ROBOTS);
}

/** GET /favicon.ico — no icon, but an answer browsers will cache instead of asking again. */
export function serveFavicon({ res }: DemoContext): void {
  res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
  res.end();
}
