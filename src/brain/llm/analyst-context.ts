import type { Log } from '../../core/index.js';
import type { ModelChain } from './model-chain.js';

/** Where an answer came from: a model of the chain, or the rules when none gave a valid one. */
export type AnswerSource = 'llm' | 'rules';

/** What every analyst function shares. */
export interface AnalystContext {
  /** Undefined when no model is configured: every answer then comes from the rules. */
  readonly chain: ModelChain | undefined;
  readonly log: Log;
  /** A fresh unguessable token per request, for the data block markers. */
  readonly boundary: () => string;
  /** Characters kept of each untrusted string (paths, user agents, evidence). */
  readonly maxFieldChars: number;
  /** Characters of a whole data block. */
  readonly maxDataChars: number;
  /** Events sent with an incident, at most. */
  readonly maxSampleEvents: number;
  /** Categories a query may name. */
  readonly categories: readonly string[];
  /** Answers given, by source. */
  readonly answers: { llm: number; rules: number };
}

/** Counts an answer and hands it back. */
export function counted<T extends { source: AnswerSource }>(ctx: AnalystContext, answer: T): T {
  ctx.answers[answer.source] += 1;
  return answer;
}
