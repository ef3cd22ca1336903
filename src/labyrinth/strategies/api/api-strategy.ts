import { API_NOUNS } from '../../words/api-nouns.js';
import type { PageContext } from '../page-context.js';
import { pageResponse } from '../page-response.js';
import type { TrapStrategy, TrapStrategyFactory } from '../trap-strategy.js';
import { apiItem } from './api-items.js';
import { COLLECTION_TEMPLATES, collectionTemplateSource } from './api-templates.js';

const PER_PAGE = 10;
const NOUNS = new Set(API_NOUNS);

// The collection the target names, so that paging through /api/v1/orders stays in orders.
function collectionOf(ctx: PageContext): string {
  for (const segment of ctx.path.toLowerCase().split('/')) if (NOUNS.has(segment)) return segment;
  return ctx.rng.pick(API_NOUNS);
}

function body(ctx: PageContext): { json: string; next: string } {
  const noun = collectionOf(ctx);
  // The first page a client asked for is page 1; each `next` is one click, so one page, deeper.
  const page = ctx.depth + 1;
  const data = [];
  for (let i = 1; i <= PER_PAGE; i++) data.push(apiItem(ctx, noun, (page - 1) * PER_PAGE + i));
  const next = ctx.linkFrom(COLLECTION_TEMPLATES.get(noun)!).href;
  const related = [];
  for (let n = ctx.linksPerPage - 1; n > 0; n--)
    related.push(ctx.linkFrom(COLLECTION_TEMPLATES.get(ctx.rng.pick(API_NOUNS))!).href);
  const total = ctx.siteRng(`api-total-${noun}`).between(20_000, 900_000);
  return { json: JSON.stringify({ data, page, per_page: PER_PAGE, total, next, related }), next };
}

/**
 * For API abuse: JSON collections of records with canary emails and keys that paginate forever, each
 * `next` (and `related`) a maze path; always valid JSON, nothing of the request reflected.
 * @example JSON.parse(createApiStrategy({}).render(ctx).body).next // '/api/v1/users/…'
 */
export const createApiStrategy: TrapStrategyFactory = (): TrapStrategy => ({
  name: 'api',
  templates: API_NOUNS.map(collectionTemplateSource),
  render(ctx) {
    const { json, next } = body(ctx);
    return pageResponse(ctx, 'json', json, {
      headers: { link: `<${next}>; rel="next"`, 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '998' },
    });
  },
});
