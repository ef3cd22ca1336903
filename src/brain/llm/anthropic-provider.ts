import type { ChatProvider, ChatRequest, ChatResponse } from './chat-provider.js';
import { postJson } from './post-json.js';
import { LlmProviderError } from './provider-error.js';
import { type LlmProviderOptions, parseProviderOptions } from './provider-options.js';
import { field, tokenCount } from './read-field.js';

function parseAnswer(provider: string, body: unknown): ChatResponse {
  const content = field(body, 'content');
  const texts = Array.isArray(content)
    ? content
        .filter((block) => field(block, 'type') === 'text')
        .map((block) => field(block, 'text'))
        .filter((t): t is string => typeof t === 'string')
    : [];
  const text = texts.join('');
  if (text.trim() === '') throw new LlmProviderError(provider, 'bad-response', 'no text block in content');
  const usage = field(body, 'usage');
  const stopReason = field(body, 'stop_reason');
  return {
    text,
    usage: {
      inputTokens: tokenCount(field(usage, 'input_tokens')),
      outputTokens: tokenCount(field(usage, 'output_tokens')),
    },
    ...(typeof stopReason === 'string' ? { finishReason: stopReason } : {}),
  };
}

/**
 * A provider for the Anthropic messages API: `POST {baseUrl}/v1/messages` with `x-api-key` and
 * `anthropic-version`; the system prompt goes in its own field.
 * @example createAnthropicProvider({ name: 'anthropic', kind: 'anthropic', apiKey: process.env.ANTHROPIC_API_KEY })
 */
export function createAnthropicProvider(options: LlmProviderOptions): ChatProvider {
  const settings = parseProviderOptions(options);
  if (settings.apiKey === undefined)
    throw new TypeError(`brain.llm: provider ${settings.name}: apiKey is required for anthropic`);
  const url = `${settings.baseUrl ?? 'https://api.anthropic.com'}/v1/messages`;
  const apiKey = settings.apiKey;
  const { name, timeoutMs, maxResponseBytes, apiVersion } = settings;
  return {
    name,
    kind: 'anthropic',
    async send(request: ChatRequest) {
      const body = {
        model: request.model,
        system: request.system,
        messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
        max_tokens: request.maxOutputTokens,
        temperature: Math.min(request.temperature, 1),
      };
      const answer = await postJson({
        provider: name,
        url,
        headers: { 'x-api-key': apiKey, 'anthropic-version': apiVersion },
        body,
        timeoutMs,
        maxResponseBytes,
        secrets: [apiKey],
      });
      return parseAnswer(name, answer);
    },
  };
}
