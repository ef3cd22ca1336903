import { z } from 'zod';
import type { Incident, SecurityEvent } from '../../core/index.js';
import { type AnalystContext, type AnswerSource, counted } from './analyst-context.js';
import { analystSystemPrompt, parseJsonAnswer } from './analyst-prompt.js';
import { eventView, incidentView } from './event-view.js';
import {
  type ActionTargets,
  RECOMMENDED_ACTION_KINDS,
  type RecommendedAction,
  targetBelongs,
} from './recommended-action.js';
import { createRedactor, type Redactor } from './redactor.js';
import { summarizeByRules } from './summarize-by-rules.js';
import { cleanUntrusted, dataBlock, fitList } from './untrusted-data.js';

/** A plain-language account of an incident and what to do about it. */
export interface IncidentSummary {
  readonly summary: string;
  readonly recommendedActions: readonly RecommendedAction[];
  readonly source: AnswerSource;
  /** `provider/model` that wrote it, when a model did. */
  readonly model?: string;
}

const TASK =
  'Summarise the incident in the data block for the engineer who runs the site: what happened, who did it ' +
  '(by pseudonym), what they were after, how the gateway answered and whether anything reached the ' +
  'application, in 3 to 6 plain sentences. Then recommend at most 6 actions, each on a client pseudonym, a ' +
  'path or a rule id that appears in the data.';
const FORMAT =
  '{"summary": string, "recommendedActions": [{"kind": one of ' +
  `${RECOMMENDED_ACTION_KINDS.map((k) => `"${k}"`).join(', ')}, "target": string, "reason": string}]}. ` +
  'Targets: block, challenge, labyrinth and watch take a client pseudonym; ratelimit a client pseudonym or ' +
  'a path; fix-upstream a path; review-rule a rule id such as "sqli/tautology" or an analyzer id.';

const answerSchema = z.object({
  summary: z.string().trim().min(1).max(4000),
  recommendedActions: z
    .array(
      z.object({
        kind: z.enum(RECOMMENDED_ACTION_KINDS),
        target: z.string().trim().min(1).max(300),
        reason: z.string().trim().max(600).default(''),
      }),
    )
    .max(12)
    .default([]),
});

function targetsOf(incident: Incident, events: readonly SecurityEvent[]): ActionTargets {
  const findings = events.flatMap((e) => e.verdict.findings);
  return {
    clients: new Set([...incident.clients, ...events.map((e) => e.client.ip)]),
    paths: events.map((e) => e.request.path),
    rules: new Set([
      ...incident.categories,
      ...findings.map((f) => f.rule),
      ...findings.map((f) => f.analyzer),
    ]),
  };
}

// The model's answer with real addresses back, and only the actions whose target belongs to the incident.
function accept(
  text: string,
  redactor: Redactor,
  targets: ActionTargets,
  fallback: readonly RecommendedAction[],
) {
  const parsed = answerSchema.safeParse(parseJsonAnswer(text));
  if (!parsed.success) return undefined;
  const seen = new Set<string>();
  const actions = parsed.data.recommendedActions
    .map((a) => ({ kind: a.kind, target: redactor.restore(a.target), reason: redactor.restore(a.reason) }))
    .filter((a) => targetBelongs(a, targets))
    .filter((a) => !seen.has(`${a.kind} ${a.target}`) && seen.add(`${a.kind} ${a.target}`));
  return {
    summary: redactor.restore(parsed.data.summary),
    recommendedActions: actions.length > 0 ? actions : fallback,
  };
}

/**
 * Writes an incident up through the model chain, with the incident and a sample of its events as untrusted,
 * redacted data; falls back to the rules. A model's actions whose target is not one of the incident's
 * clients, paths or rules are dropped (the rules' actions stand in when none is left).
 */
export async function summarizeIncident(
  ctx: AnalystContext,
  incident: Incident,
  sampleEvents: readonly SecurityEvent[],
): Promise<IncidentSummary> {
  const rules = summarizeByRules(incident, sampleEvents);
  if (ctx.chain === undefined) return counted(ctx, { ...rules, source: 'rules' });
  const redactor = createRedactor();
  for (const client of incident.clients) redactor.pseudonymOf(client.split('/')[0]!);
  const head = cleanUntrusted(incidentView(incident), redactor, ctx.maxFieldChars);
  const events = sampleEvents
    .slice(0, ctx.maxSampleEvents)
    .map((e) => cleanUntrusted(eventView(e), redactor, ctx.maxFieldChars));
  const fitted = fitList(events, ctx.maxDataChars, (some) => ({ incident: head, events: some }));
  const boundary = ctx.boundary();
  const result = await ctx.chain.run(
    {
      system: analystSystemPrompt(boundary, TASK, FORMAT),
      messages: [
        {
          role: 'user',
          content: `Write up this incident.\n\n${dataBlock('incident', { incident: head, events: fitted }, boundary)}`,
        },
      ],
      json: true,
    },
    (text) => accept(text, redactor, targetsOf(incident, sampleEvents), rules.recommendedActions),
  );
  if (!result.ok) return counted(ctx, { ...rules, source: 'rules' });
  return counted(ctx, { ...result.value, source: 'llm', model: `${result.provider}/${result.model}` });
}
