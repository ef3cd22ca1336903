import { type AnalystQuery, DEFAULT_QUERY_LIMIT, type DraftQuery } from './analyst-query.js';
import type { QuestionFacts } from './read-question.js';

const DAY = 86_400_000;
/** How far back a model's window may start: a little over the longest retention anyone keeps events. */
const MAX_LOOKBACK = 400 * DAY;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A model's path must come from the question: written there, or every word of it said there ("login page").
function grounded(path: string, text: string): boolean {
  const lower = text.toLowerCase();
  if (lower.includes(path.toLowerCase())) return true;
  const words = new Set(lower.split(/[^a-z0-9]+/));
  const segments = path
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((s) => s !== '');
  return segments.length > 0 && segments.every((s) => words.has(s));
}

/**
 * Holds a model's query against the question it answers: what the question states plainly wins; a client
 * must be an address the operator named; a site or path must come from the question's words; a time window
 * must lie between 400 days ago and tomorrow. Undefined when the model's query cannot stand.
 * @example constrainQuery({ client: '198.51.100.66' }, readQuestion('blocked today', now), now) // undefined
 */
export function constrainQuery(
  model: DraftQuery,
  facts: QuestionFacts,
  now: number,
): AnalystQuery | undefined {
  const stated = facts.query;
  if (model.client !== undefined && !facts.addresses.includes(model.client.toLowerCase())) return undefined;
  if (model.site !== undefined && stated.site === undefined) {
    if (!new RegExp(`(?<![\\w-])${escapeRegExp(model.site)}(?![\\w-])`, 'i').test(facts.text))
      return undefined;
  }
  if (model.path !== undefined && stated.path === undefined && !grounded(model.path, facts.text))
    return undefined;
  const statedTime = stated.from !== undefined || stated.to !== undefined;
  if (!statedTime) {
    if (model.from !== undefined && (model.from < now - MAX_LOOKBACK || model.from > now)) return undefined;
    if (model.to !== undefined && (model.to < now - MAX_LOOKBACK || model.to > now + DAY)) return undefined;
  }
  const { from: _from, to: _to, ...rest } = model;
  return {
    ...(statedTime ? rest : model),
    ...stated,
    limit: stated.limit ?? model.limit ?? DEFAULT_QUERY_LIMIT,
  };
}
