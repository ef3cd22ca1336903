import { apiRequest } from './api-client';
import type { SecurityEvent } from './event-types';

/** Who wrote an answer: a model of the chain, or the rules. */
export type AnswerSource = 'llm' | 'rules';

/** A plain-language account of an incident, with what to do. */
export interface IncidentSummary {
  readonly summary: string;
  readonly recommendedActions: readonly { kind: string; target: string; reason: string }[];
  readonly source: AnswerSource;
  readonly model?: string;
}

/** A question turned into a validated event query, and the events it found. */
export interface AskAnswer {
  readonly query: Readonly<Record<string, string | number>>;
  readonly source: AnswerSource;
  readonly model?: string;
  readonly events: readonly SecurityEvent[];
}

/** The agents, the alerts and the analyst. */
export interface BrainStatus {
  readonly agents: readonly {
    id: string;
    state: string;
    processed: number;
    restarts: number;
    stoppedReason?: string;
  }[];
  readonly alerts: { raised: number; grouped: number; folded: number };
  readonly analyst: { answers: { llm: number; rules: number } };
}

export const summarizeIncident = (id: string) =>
  apiRequest<IncidentSummary>('POST', `/api/incidents/${encodeURIComponent(id)}/summary`);

export const askEvents = (question: string) =>
  apiRequest<AskAnswer>('POST', '/api/events/ask', { json: { question } });

export const brainStatus = () => apiRequest<BrainStatus>('GET', '/api/brain');
