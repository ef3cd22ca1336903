import type { ChatProvider, ChatRequest, ChatResponse } from './chat-provider.js';
import { postJson } from './post-json.js';
import { LlmProviderError } from './provider-error.js';
import { type LlmProviderOptions, parseProviderOptions } from './provider-options.js';
import { field, tokenCount } from './read-field.js';

// The answer's text: a string, or (some servers) a list of text parts.
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const parts = content.map((part) => field(part, 'text')).filter((t): t is string => typeof t === 'string');
  return parts.length > 0 ? parts.join('') : undefined;
}

function parseAnswer(provider: string, body: unknown): ChatResponse {
  const choice = field(field(body, 'choices'), 0);
  const text = contentText(field(field(choice, 'message'), 'content'));
  if (text === undefined || text.trim() === '')
    throw new LlmProviderError(provider, 'bad-response', 'no message content in choices[0]');
  const usage = field(body, 'usage');
  const finishReason = field(choice, 'finish_reason');
  return {
    text,
    usage: {
      inputTokens: tokenCount(field(usage, 'prompt_tokens')),
      outputTokens: tokenCount(field(usage, 'completion_tokens')),
    },
    ...(typeof finishReason === 'string' ? { finishReason } : {}),
  };
}

/**
 * A provider for the OpenAI chat completions API and the servers that copy it (Mistral, xAI, vLLM, Ollama):
 * `POST {baseUrl}/chat/completions` with `Authorization: Bearer {apiKey}`.
 * @example createOpenAiCompatibleProvider({ name: 'ollama', kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1' })
 */
export function createOpenAiCompatibleProvider(options: LlmProviderOptions): ChatProvider {
  const settings = parseProviderOptions(options);
  if (settings.baseUrl === undefined)
    throw new TypeError(`brain.llm: provider ${settings.name}: baseUrl is required for openai-compatible`);
  const url = `${settings.baseUrl}/chat/completions`;
  // Held in the closure only: the provider object has nothing that prints or serialises the key.
  const apiKey = settings.apiKey;
  const { name, timeoutMs, maxResponseBytes, jsonMode } = settings;
  return {
    name,
    kind: 'openai-compatible',
    async send(request: ChatRequest) {
      const body = {
        model: request.model,
        messages: [
          { role: 'system', content: request.system },
          ...request.messages.map((m) => ({ role: m.role, content: m.content })),
        ],
        max_tokens: request.maxOutputTokens,
        temperature: request.temperature,
        ...(jsonMode && request.json ? { response_format: { type: 'json_object' } } : {}),
      };
      const answer = await postJson({
        provider: name,
        url,
        headers: apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` },
        body,
        timeoutMs,
        maxResponseBytes,
        secrets: apiKey === undefined ? [] : [apiKey],
      });
      return parseAnswer(name, answer);
    },
  };
}
