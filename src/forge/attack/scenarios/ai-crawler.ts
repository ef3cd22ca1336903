import type { AttackRequest } from '../attack-request.js';
import type { Random } from '../random.js';
import type { Scenario, ScenarioContext } from '../scenario.js';
import { sendOne } from '../send-requests.js';
import { disallowedPaths, extractLinks } from './extract-links.js';

const CRAWLERS = [
  'GPTBot',
  'ClaudeBot',
  'CCBot',
  'PerplexityBot',
  'Bytespider',
  'Amazonbot',
  'meta-externalagent',
];

function agent(r: Random): string {
  const name = r.pick(CRAWLERS);
  return `Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ${name}/${r.int(0, 2)}.${r.int(0, 9)}; +https://${name.toLowerCase()}.example/bot)`;
}

const PAGE_BYTES = 512 * 1024;

/**
 * Reads robots.txt only to visit what it forbids, then walks the site breadth first, following every link
 * of the raw HTML: the ones hidden from people included.
 */
async function crawl(ctx: ScenarioContext): Promise<void> {
  const userAgent = agent(ctx.random);
  const queue = ['/robots.txt', '/'];
  const seen = new Set(queue);
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    queue.push(path);
  };
  for (let path = queue.shift(); path !== undefined && ctx.take(); path = queue.shift()) {
    const request: AttackRequest = {
      method: 'GET',
      target: path,
      headers: [
        ['User-Agent', userAgent],
        ['Accept', 'text/html,text/plain;q=0.9,*/*;q=0.8'],
      ],
    };
    const { reply, outcome } = await sendOne(ctx, request, { maxBodyBytes: PAGE_BYTES });
    if (outcome !== 'passed' || reply.head === undefined) continue;
    const body = reply.body.toString('utf8');
    if (path === '/robots.txt') for (const p of disallowedPaths(body)) visit(p);
    else if (/^text\/html/i.test(reply.head.headers['content-type'] ?? ''))
      for (const link of extractLinks(body, ctx.target.origin, path)) visit(link);
  }
}

/** An AI crawler that ignores robots.txt and follows every link, hidden ones included; ten pages are granted. */
export const AI_CRAWLER: Scenario = {
  name: 'ai-crawler',
  kind: 'behaviour',
  summary: 'an AI crawler that ignores robots.txt and follows every link, hidden ones included',
  requests: 40,
  seconds: 30,
  grace: 10,
  expect: 'answer',
  run: crawl,
};
