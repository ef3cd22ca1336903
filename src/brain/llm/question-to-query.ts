import { ACTIONS } from '../../core/index.js';
import { type AnalystContext, type AnswerSource, counted } from './analyst-context.js';
import { analystSystemPrompt, parseJsonAnswer } from './analyst-prompt.js';
import { type AnalystQuery, analystQuerySchema, DEFAULT_QUERY_LIMIT } from './analyst-query.js';
import { constrainQuery } from './constrain-query.js';
import { type QuestionFacts, readQuestion } from './read-question.js';
import { createRedactor, type Redactor } from './redactor.js';
import { LITERAL } from './strip-literals.js';
import { startOfUtcDay } from './time-phrases.js';

/** An event query for an operator's question; the caller runs `query`, never anything a model wrote. */
export interface QueryAnswer {
  readonly query: AnalystQuery;
  readonly source: AnswerSource;
  /** `provider/model` that read the question, when a model did. */
  readonly model?: string;
}

const TASK =
  "Turn the operator's question into a filter over the gateway's security events. Leave out every field the " +
  'question does not ask for; never invent an address, a site or a path the question does not name.';

function format(categories: readonly string[]): string {
  return (
    '{"from"?: epoch milliseconds (inclusive), "to"?: epoch milliseconds (exclusive), "site"?: site name, ' +
    '"client"?: a client pseudonym from the question such as "client-1", "action"?: one of ' +
    `${ACTIONS.map((a) => `"${a}"`).join(', ')} (what the gateway did), "category"?: one of ` +
    `${categories.map((c) => `"${c}"`).join(', ')} (the attack family), "path"?: a path prefix starting ` +
    'with "/", "limit"?: how many events, 1 to 1000}.'
  );
}

function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

function accept(text: string, ctx: AnalystContext, facts: QuestionFacts, redactor: Redactor, now: number) {
  const raw = withoutNulls(parseJsonAnswer(text)) as Record<string, unknown> | undefined;
  if (raw === undefined) return undefined;
  if (typeof raw.client === 'string') raw.client = redactor.addressOf(raw.client.trim()) ?? raw.client;
  const parsed = analystQuerySchema(ctx.categories).safeParse(raw);
  return parsed.success ? constrainQuery(parsed.data, facts, now) : undefined;
}

/**
 * Reads an operator's question into an event query. A model reads it when one is configured: it sees the
 * question only (literals pasted into it taken out, addresses as pseudonyms), its JSON must pass the query
 * schema and agree with what the question states plainly, or the next model is asked; the rules answer last.
 * @example await questionToQuery(ctx, 'sqli on /login today', Date.now()) // { query: { category: 'sqli', path: '/login', from, limit: 100 }, ... }
 */
export async function questionToQuery(
  ctx: AnalystContext,
  question: string,
  now: number,
): Promise<QueryAnswer> {
  const facts = readQuestion(question, now);
  const rules: QueryAnswer = {
    query: { ...facts.guesses, ...facts.query, limit: facts.query.limit ?? DEFAULT_QUERY_LIMIT },
    source: 'rules',
  };
  if (ctx.chain === undefined || facts.text.replaceAll(LITERAL, '').trim() === '') return counted(ctx, rules);
  const redactor = createRedactor();
  const content = [
    `Now: ${new Date(now).toISOString()} = ${now} epoch ms. Start of today (UTC): ${startOfUtcDay(now)}.`,
    'One hour is 3600000 ms, one day 86400000 ms.',
    `The operator's question (text they quoted or pasted was taken out and shows as ${LITERAL}):`,
    redactor.redact(facts.text),
  ].join('\n');
  const result = await ctx.chain.run(
    {
      system: analystSystemPrompt(ctx.boundary(), TASK, format(ctx.categories)),
      messages: [{ role: 'user', content }],
      json: true,
    },
    (text) => accept(text, ctx, facts, redactor, now),
  );
  if (!result.ok) return counted(ctx, rules);
  return counted(ctx, { query: result.value, source: 'llm', model: `${result.provider}/${result.model}` });
}
