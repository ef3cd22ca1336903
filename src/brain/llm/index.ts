export type { AnswerSource as LlmAnswerSource } from './analyst-context.js';
export { type AnalystQuery, DEFAULT_QUERY_LIMIT } from './analyst-query.js';
export { ATTACK_CATEGORIES, type AttackCategory, categoryName } from './attack-categories.js';
export type { ChatMessage, ChatProvider, ChatRequest, ChatResponse, TokenUsage } from './chat-provider.js';
export type { BreakerState, CircuitBreakerOptions } from './circuit-breaker.js';
export {
  createLlmAnalyst,
  type LlmAnalyst,
  type LlmAnalystDeps,
  type LlmAnalystStats,
} from './create-llm-analyst.js';
export type { FindingExplanation } from './explain-finding.js';
export type { LlmAnalystOptions } from './llm-analyst-options.js';
export type { LlmStats, ModelStats, ProviderStats } from './llm-stats.js';
export type { ModelEntry as LlmModelEntry } from './model-entry.js';
export { LlmProviderError, type ProviderFailure as LlmProviderFailure } from './provider-error.js';
export type { LlmProviderOptions } from './provider-options.js';
export {
  BUILTIN_PROVIDERS as BUILTIN_LLM_PROVIDERS,
  type ChatProviderFactory,
  createProviderRegistry as createLlmProviderRegistry,
  type ProviderRegistry as LlmProviderRegistry,
} from './provider-registry.js';
export type { QueryAnswer } from './question-to-query.js';
export {
  RECOMMENDED_ACTION_KINDS,
  type RecommendedAction,
  type RecommendedActionKind,
} from './recommended-action.js';
export type { IncidentSummary } from './summarize-incident.js';
