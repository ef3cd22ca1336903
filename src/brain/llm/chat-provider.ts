/** One turn of a conversation sent to a model; the system prompt travels apart from the turns. */
export interface ChatMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/** What a model is asked. */
export interface ChatRequest {
  readonly model: string;
  readonly system: string;
  readonly messages: readonly ChatMessage[];
  /** Upper bound on the answer's tokens. */
  readonly maxOutputTokens: number;
  /** 0 for the steadiest answer. */
  readonly temperature: number;
  /** A JSON object is wanted: a provider that can enforce it asks its API to. */
  readonly json?: boolean;
}

/** Tokens one call used, as the provider reported them. */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** What a model answered. */
export interface ChatResponse {
  readonly text: string;
  readonly usage: TokenUsage;
  /** Why the model stopped (`stop`, `end_turn`, `length`, ...), when the provider says. */
  readonly finishReason?: string;
}

/**
 * A chat API reached over HTTP. `send` resolves with the answer or rejects with an `LlmProviderError`, whatever
 * the server does; the key it holds is never part of an error, a log line or its own enumerable fields.
 */
export interface ChatProvider {
  /** The name models refer to it by, e.g. `openai` or `local-ollama`. */
  readonly name: string;
  /** Which API it speaks: `openai-compatible` or `anthropic`. */
  readonly kind: string;
  send(request: ChatRequest): Promise<ChatResponse>;
}
