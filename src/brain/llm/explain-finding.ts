import { z } from 'zod';
import type { Finding, SecurityEvent } from '../../core/index.js';
import { type AnalystContext, type AnswerSource, counted } from './analyst-context.js';
import { analystSystemPrompt, parseJsonAnswer } from './analyst-prompt.js';
import { eventView } from './event-view.js';
import { explainByRules } from './explain-by-rules.js';
import { findingTemplate } from './finding-templates.js';
import { createRedactor } from './redactor.js';
import { cleanUntrusted, dataBlock } from './untrusted-data.js';

/** What a finding means, in plain language. */
export interface FindingExplanation {
  readonly explanation: string;
  readonly source: AnswerSource;
  /** `provider/model` that wrote it, when a model did. */
  readonly model?: string;
}

const TASK =
  'Explain to the engineer who runs the site, in at most 120 words of plain language, what the analyzer found ' +
  'in the request in the data block, why it matters, how the gateway answered, and what to check if the ' +
  'request reached the application. Do not repeat the evidence at length.';
const FORMAT = '{"explanation": string}';
const answerSchema = z.object({ explanation: z.string().trim().min(1).max(2000) });

/**
 * Explains a finding through the model chain, with the finding and its event as untrusted, redacted data and
 * the analyzer's template as background; falls back to the template.
 */
export async function explainFinding(
  ctx: AnalystContext,
  finding: Finding,
  event: SecurityEvent,
): Promise<FindingExplanation> {
  if (ctx.chain === undefined)
    return counted(ctx, { explanation: explainByRules(finding, event), source: 'rules' });
  const redactor = createRedactor();
  const { findings: _all, ...request } = eventView(event);
  const template = findingTemplate(finding.analyzer);
  const data = cleanUntrusted(
    {
      finding: { ...finding, transforms: finding.transforms.slice(0, 10) },
      request,
    },
    redactor,
    ctx.maxFieldChars,
  );
  const boundary = ctx.boundary();
  const content = [
    `Background: the ${finding.analyzer} analyzer reports ${template.what}; it matters because ${template.why}.`,
    '',
    dataBlock('finding', data, boundary),
  ].join('\n');
  const result = await ctx.chain.run(
    {
      system: analystSystemPrompt(boundary, TASK, FORMAT),
      messages: [{ role: 'user', content }],
      json: true,
    },
    (text) => {
      const parsed = answerSchema.safeParse(parseJsonAnswer(text));
      return parsed.success ? redactor.restore(parsed.data.explanation) : undefined;
    },
  );
  if (!result.ok) return counted(ctx, { explanation: explainByRules(finding, event), source: 'rules' });
  return counted(ctx, {
    explanation: result.value,
    source: 'llm',
    model: `${result.provider}/${result.model}`,
  });
}
