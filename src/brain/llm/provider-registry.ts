import { createAnthropicProvider } from './anthropic-provider.js';
import type { ChatProvider } from './chat-provider.js';
import { createOpenAiCompatibleProvider } from './openai-compatible-provider.js';
import type { LlmProviderOptions } from './provider-options.js';

/** Builds a provider from its options; it validates them and throws a TypeError on bad ones. */
export type ChatProviderFactory = (options: LlmProviderOptions) => ChatProvider;

/** Provider factories by API kind. */
export interface ProviderRegistry {
  register(kind: string, factory: ChatProviderFactory): void;
  create(options: LlmProviderOptions): ChatProvider;
  kinds(): string[];
}

/** The provider kinds that come built in. */
export const BUILTIN_PROVIDERS: Readonly<Record<string, ChatProviderFactory>> = Object.freeze({
  'openai-compatible': createOpenAiCompatibleProvider,
  anthropic: createAnthropicProvider,
});

/**
 * A registry holding the built-in kinds; registering a kind twice is a programming error.
 * @example createProviderRegistry().create({ name: 'mistral', kind: 'openai-compatible', baseUrl, apiKey })
 */
export function createProviderRegistry(): ProviderRegistry {
  const factories = new Map<string, ChatProviderFactory>(Object.entries(BUILTIN_PROVIDERS));
  return {
    register(kind, factory) {
      if (factories.has(kind))
        throw new TypeError(`brain.llm: provider kind "${kind}" is already registered`);
      factories.set(kind, factory);
    },
    create(options) {
      const factory = factories.get(options.kind);
      if (factory === undefined)
        throw new TypeError(
          `brain.llm: provider ${options.name}: no kind "${options.kind}" (known: ${[...factories.keys()].join(', ')})`,
        );
      return factory(options);
    },
    kinds() {
      return [...factories.keys()];
    },
  };
}
