import type { Finding, Incident, Log, SecurityEvent } from '../../core/index.js';
import { SILENT_LOG } from '../../core/index.js';
import type { AnalystContext } from './analyst-context.js';
import { CATEGORY_IDS } from './attack-categories.js';
import { explainFinding, type FindingExplanation } from './explain-finding.js';
import type { LlmAnalystOptions } from './llm-analyst-options.js';
import type { LlmStats } from './llm-stats.js';
import { createModelChain } from './model-chain.js';
import { createProviderRegistry, type ProviderRegistry } from './provider-registry.js';
import { type QueryAnswer, questionToQuery } from './question-to-query.js';
import { type IncidentSummary, summarizeIncident } from './summarize-incident.js';
import { newBoundary } from './untrusted-data.js';

/** What the analyst needs from its surroundings; all optional. */
export interface LlmAnalystDeps {
  readonly log?: Log;
  /** Clock for breakers and "now" in questions. Default `Date.now`. */
  readonly now?: () => number;
  /** Where provider kinds come from. Default the built-in ones. */
  readonly registry?: ProviderRegistry;
}

/** The analyst's figures: the model chain's, and how many answers came from models and from the rules. */
export interface LlmAnalystStats extends LlmStats {
  readonly answers: { readonly llm: number; readonly rules: number };
}

/** Explains incidents and findings and reads questions, through models when it can and rules when not. */
export interface LlmAnalyst {
  summarizeIncident(incident: Incident, sampleEvents: readonly SecurityEvent[]): Promise<IncidentSummary>;
  /** `now` defaults to the analyst's clock. */
  questionToQuery(question: string, now?: number): Promise<QueryAnswer>;
  explainFinding(finding: Finding, event: SecurityEvent): Promise<FindingExplanation>;
  stats(): LlmAnalystStats;
  /** Re-enables a provider disabled after repeated failures; false when there is none by that name. */
  enableProvider(name: string): boolean;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new TypeError(`brain.llm: ${name} must be a positive integer, not ${value}`);
  return value;
}

/**
 * Builds the analyst from its options; bad options throw a TypeError (the key's value is never in it). With
 * no models it answers from the rules alone. Its functions never reject on a provider's failure.
 * @example
 * const analyst = createLlmAnalyst({
 *   providers: [{ name: 'openai', kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', apiKey }],
 *   models: [{ provider: 'openai', model: 'gpt-4o-mini', inputPricePer1k: 0.00015, outputPricePer1k: 0.0006 }],
 * }, { log });
 * const { query } = await analyst.questionToQuery('blocked requests from 203.0.113.7 in the last hour');
 */
export function createLlmAnalyst(options: LlmAnalystOptions = {}, deps: LlmAnalystDeps = {}): LlmAnalyst {
  const log = deps.log ?? SILENT_LOG;
  const now = deps.now ?? Date.now;
  const registry = deps.registry ?? createProviderRegistry();
  const providers = (options.providers ?? []).map((p) => registry.create(p));
  const models = options.models ?? [];
  const chain =
    models.length === 0
      ? undefined
      : createModelChain({
          providers,
          models,
          log,
          now,
          ...(options.breaker === undefined ? {} : { breaker: options.breaker }),
          ...(options.disableAfter === undefined ? {} : { disableAfter: options.disableAfter }),
        });
  const ctx: AnalystContext = {
    chain,
    log,
    boundary: newBoundary,
    maxFieldChars: positive('maxFieldChars', options.maxFieldChars, 300),
    maxDataChars: positive('maxDataChars', options.maxDataChars, 12_000),
    maxSampleEvents: positive('maxSampleEvents', options.maxSampleEvents, 20),
    categories: [...new Set([...CATEGORY_IDS, ...(options.extraCategories ?? [])])],
    answers: { llm: 0, rules: 0 },
  };
  const empty: LlmStats = {
    models: [],
    providers: [],
    totals: { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, exhausted: 0 },
  };
  return {
    summarizeIncident: (incident, sampleEvents) => summarizeIncident(ctx, incident, sampleEvents),
    questionToQuery: (question, at) => questionToQuery(ctx, question, at ?? now()),
    explainFinding: (finding, event) => explainFinding(ctx, finding, event),
    stats: () => ({ ...(chain?.stats() ?? empty), answers: { ...ctx.answers } }),
    enableProvider: (name) => chain?.enableProvider(name) ?? false,
  };
}
