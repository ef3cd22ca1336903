import { type Log, SILENT_LOG } from '../../core/index.js';
import type { ChatMessage, ChatProvider } from './chat-provider.js';
import { type CircuitBreakerOptions, createCircuitBreaker } from './circuit-breaker.js';
import { costOf, type LlmStats } from './llm-stats.js';
import { type ModelEntry, parseModelEntry } from './model-entry.js';
import { LlmProviderError, type ProviderFailure } from './provider-error.js';

/** The models to try, in order, and how to treat failing ones. */
export interface ModelChainOptions {
  readonly models: readonly ModelEntry[];
  readonly providers: readonly ChatProvider[];
  /** Per model. Defaults: 3 consecutive failures, 60,000 ms cool-down. */
  readonly breaker?: CircuitBreakerOptions;
  /** Consecutive failed calls to a provider (any of its models) that disable it until re-enabled. Default 10. */
  readonly disableAfter?: number;
  readonly now?: () => number;
  readonly log?: Log;
}

/** What the chain is asked, the same for every model. */
export interface ChainPrompt {
  readonly system: string;
  readonly messages: readonly ChatMessage[];
  readonly json?: boolean;
}

/** What happened at one step of a run. */
export interface ChainAttempt {
  readonly provider: string;
  readonly model: string;
  readonly outcome: ProviderFailure | 'invalid-output' | 'breaker-open' | 'provider-disabled';
}

/** An accepted answer and the model that gave it, or every step that did not. */
export type ChainResult<T> =
  | { readonly ok: true; readonly value: T; readonly provider: string; readonly model: string }
  | { readonly ok: false; readonly attempts: readonly ChainAttempt[] };

/** An ordered list of models with a breaker each and token and cost accounting. */
export interface ModelChain {
  /**
   * Asks each model in turn until `accept` returns a value for its text; `accept` returning undefined (or
   * throwing) marks the text invalid and moves on. Never rejects.
   */
  run<T>(prompt: ChainPrompt, accept: (text: string) => T | undefined): Promise<ChainResult<T>>;
  stats(): LlmStats;
  /** Re-enables a provider disabled after repeated failures; false when there is none by that name. */
  enableProvider(name: string): boolean;
}

/**
 * Builds the chain; a model naming an unknown provider is refused (TypeError).
 * @example
 * const chain = createModelChain({ providers: [openai, local], models: [
 *   { provider: 'openai', model: 'gpt-4o-mini', inputPricePer1k: 0.00015, outputPricePer1k: 0.0006 },
 *   { provider: 'local', model: 'llama3.1' } ] });
 */
export function createModelChain(options: ModelChainOptions): ModelChain {
  const now = options.now ?? Date.now;
  const log = options.log ?? SILENT_LOG;
  const disableAfter = options.disableAfter ?? 10;
  if (!Number.isInteger(disableAfter) || disableAfter < 1)
    throw new TypeError(`brain.llm: disableAfter must be a positive integer, not ${disableAfter}`);
  const providers = new Map(
    options.providers.map((p) => [
      p.name,
      { provider: p, failures: 0, disabledReason: undefined as string | undefined, disabledAt: 0 },
    ]),
  );
  if (providers.size !== options.providers.length)
    throw new TypeError('brain.llm: two providers share a name');
  const models = options.models.map((entry, index) => {
    const settings = parseModelEntry(entry, index);
    const slot = providers.get(settings.provider);
    if (slot === undefined)
      throw new TypeError(`brain.llm: models[${index}]: no provider named "${settings.provider}"`);
    return {
      settings,
      slot,
      breaker: createCircuitBreaker(options.breaker),
      n: {
        calls: 0,
        successes: 0,
        failures: 0,
        invalidOutputs: 0,
        skipped: 0,
        inputTokens: 0,
        outputTokens: 0,
      },
      lastFailure: undefined as string | undefined,
    };
  });
  let exhausted = 0;

  return {
    async run(prompt, accept) {
      const attempts: ChainAttempt[] = [];
      for (const m of models) {
        const { provider: name, model } = m.settings;
        if (m.slot.disabledReason !== undefined || !m.breaker.tryAcquire(now())) {
          m.n.skipped += 1;
          const outcome = m.slot.disabledReason !== undefined ? 'provider-disabled' : 'breaker-open';
          attempts.push({ provider: name, model, outcome });
          continue;
        }
        m.n.calls += 1;
        let text: string;
        try {
          const answer = await m.slot.provider.send({
            model,
            system: prompt.system,
            messages: prompt.messages,
            maxOutputTokens: m.settings.maxOutputTokens,
            temperature: m.settings.temperature,
            ...(prompt.json ? { json: true } : {}),
          });
          m.n.inputTokens += answer.usage.inputTokens;
          m.n.outputTokens += answer.usage.outputTokens;
          text = answer.text;
        } catch (err) {
          const failure =
            err instanceof LlmProviderError
              ? err
              : new LlmProviderError(name, 'bad-response', 'the provider failed unexpectedly');
          m.n.failures += 1;
          m.lastFailure = failure.message;
          m.breaker.failed(now());
          m.slot.failures += 1;
          attempts.push({ provider: name, model, outcome: failure.kind });
          log.warn(
            { provider: name, model, failure: failure.kind, status: failure.status },
            'brain.llm: model failed',
          );
          if (m.slot.failures >= disableAfter && m.slot.disabledReason === undefined) {
            m.slot.disabledReason = `${m.slot.failures} consecutive failures; last: ${failure.message}`;
            m.slot.disabledAt = now();
            log.error({ provider: name, reason: m.slot.disabledReason }, 'brain.llm: provider disabled');
          }
          continue;
        }
        // The provider answered: whatever the text is worth, the provider itself works.
        m.slot.failures = 0;
        let value: ReturnType<typeof accept>;
        try {
          value = accept(text);
        } catch {
          value = undefined;
        }
        if (value === undefined) {
          m.n.invalidOutputs += 1;
          m.lastFailure = 'invalid-output: the answer did not pass validation';
          m.breaker.failed(now());
          attempts.push({ provider: name, model, outcome: 'invalid-output' });
          log.warn({ provider: name, model, failure: 'invalid-output' }, 'brain.llm: model failed');
          continue;
        }
        m.n.successes += 1;
        m.breaker.succeeded();
        return { ok: true, value, provider: name, model };
      }
      exhausted += 1;
      return { ok: false, attempts };
    },

    stats() {
      const at = now();
      const perModel = models.map((m) => ({
        provider: m.settings.provider,
        model: m.settings.model,
        ...m.n,
        costUsd: costOf(
          m.n.inputTokens,
          m.n.outputTokens,
          m.settings.inputPricePer1k,
          m.settings.outputPricePer1k,
        ),
        breaker: m.breaker.state(at),
        ...(m.lastFailure === undefined ? {} : { lastFailure: m.lastFailure }),
      }));
      const sum = (pick: (m: (typeof perModel)[number]) => number) =>
        perModel.reduce((a, m) => a + pick(m), 0);
      return {
        models: perModel,
        providers: [...providers.values()].map((s) => ({
          name: s.provider.name,
          kind: s.provider.kind,
          consecutiveFailures: s.failures,
          disabled: s.disabledReason !== undefined,
          ...(s.disabledReason === undefined
            ? {}
            : { disabledReason: s.disabledReason, disabledAt: s.disabledAt }),
        })),
        totals: {
          calls: sum((m) => m.calls),
          inputTokens: sum((m) => m.inputTokens),
          outputTokens: sum((m) => m.outputTokens),
          costUsd: Math.round(sum((m) => m.costUsd) * 1e6) / 1e6,
          exhausted,
        },
      };
    },

    enableProvider(name) {
      const slot = providers.get(name);
      if (slot === undefined) return false;
      if (slot.disabledReason !== undefined)
        log.info({ provider: name }, 'brain.llm: provider enabled again');
      slot.disabledReason = undefined;
      slot.failures = 0;
      return true;
    },
  };
}
