import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Log } from '../../core/index.js';
import {
  type FakeModel,
  type FakeProviderServer,
  startFakeAnthropic,
  startFakeOpenAi,
} from './fake-providers.testing.js';
import { type ChainPrompt, createModelChain, type ModelChainOptions } from './model-chain.js';
import type { ModelEntry } from './model-entry.js';
import { createProviderRegistry } from './provider-registry.js';

const PROMPT: ChainPrompt = { system: 'Answer {"ok": true}.', messages: [{ role: 'user', content: 'Go.' }] };
const acceptOk = (text: string) => (JSON.parse(text).ok === true ? 'accepted' : undefined);

let openai: FakeProviderServer;
let anthropic: FakeProviderServer;
beforeAll(async () => {
  openai = await startFakeOpenAi();
  anthropic = await startFakeAnthropic();
});
afterAll(async () => {
  await openai.close();
  await anthropic.close();
});
beforeEach(() => {
  for (const fake of [openai, anthropic]) {
    fake.received.length = 0;
    fake.calls.length = 0;
  }
});

/** The fake's model, answering per model id. */
const byModel =
  (answers: Record<string, ReturnType<FakeModel>>): FakeModel =>
  (call) =>
    answers[call.model] ?? { status: 404, message: `no model ${call.model}` };

function chainOf(models: readonly ModelEntry[], options: Partial<ModelChainOptions> = {}) {
  const registry = createProviderRegistry();
  const providers = [
    registry.create({
      name: 'oa',
      kind: 'openai-compatible',
      baseUrl: openai.baseUrl,
      apiKey: openai.apiKey,
      timeoutMs: 400,
    }),
    registry.create({
      name: 'an',
      kind: 'anthropic',
      baseUrl: anthropic.baseUrl,
      apiKey: anthropic.apiKey,
      timeoutMs: 400,
    }),
  ];
  return createModelChain({ providers, models, ...options });
}

const callsTo = (fake: FakeProviderServer, model: string) =>
  fake.calls.filter((c) => c.call.model === model).length;

describe('createModelChain', () => {
  it('falls back past a 500, a timeout, garbage and an invalid answer to the first model that answers well', async () => {
    openai.model = byModel({ a: { status: 500 }, b: { hang: true } });
    anthropic.model = byModel({
      c: { raw: 'not json at all' },
      d: { text: '{"ok": false}' },
      e: { text: '{"ok": true}' },
    });
    const chain = chainOf(
      ['a', 'b']
        .map((model) => ({ provider: 'oa', model }))
        .concat(['c', 'd', 'e'].map((model) => ({ provider: 'an', model }))),
    );
    const result = await chain.run(PROMPT, acceptOk);
    expect(result).toEqual({ ok: true, value: 'accepted', provider: 'an', model: 'e' });
    const stats = Object.fromEntries(chain.stats().models.map((m) => [m.model, m]));
    expect(stats.a).toMatchObject({ calls: 1, failures: 1, successes: 0 });
    expect(stats.a!.lastFailure).toMatch(/server: HTTP 500/);
    expect(stats.b!.lastFailure).toMatch(/timeout/);
    expect(stats.c).toMatchObject({ failures: 1, invalidOutputs: 0 });
    expect(stats.d).toMatchObject({ failures: 0, invalidOutputs: 1 });
    expect(stats.e).toMatchObject({ calls: 1, successes: 1 });
  });

  it('says what happened at each step when no model gives an accepted answer', async () => {
    openai.model = byModel({ a: { status: 503 } });
    anthropic.model = byModel({ b: { text: 'I would rather not.' } });
    const chain = chainOf([
      { provider: 'oa', model: 'a' },
      { provider: 'an', model: 'b' },
    ]);
    const result = await chain.run(PROMPT, acceptOk);
    expect(result).toEqual({
      ok: false,
      attempts: [
        { provider: 'oa', model: 'a', outcome: 'server' },
        { provider: 'an', model: 'b', outcome: 'invalid-output' },
      ],
    });
    expect(chain.stats().totals.exhausted).toBe(1);
  });

  it("opens a model's breaker after consecutive failures and tries it again once the cool-down is over", async () => {
    let clock = 0;
    openai.model = byModel({ a: { status: 500 } });
    anthropic.model = byModel({ b: { text: '{"ok": true}' } });
    const chain = chainOf(
      [
        { provider: 'oa', model: 'a' },
        { provider: 'an', model: 'b' },
      ],
      { breaker: { failureThreshold: 2, cooldownMs: 1000 }, now: () => clock },
    );
    for (let i = 0; i < 4; i++) expect((await chain.run(PROMPT, acceptOk)).ok).toBe(true);
    expect(callsTo(openai, 'a')).toBe(2); // the last two runs went straight to b
    expect(chain.stats().models[0]).toMatchObject({ breaker: 'open', skipped: 2 });
    clock = 1000;
    expect(chain.stats().models[0]!.breaker).toBe('half-open');
    openai.model = byModel({ a: { text: '{"ok": true}' } });
    expect(await chain.run(PROMPT, acceptOk)).toMatchObject({ ok: true, model: 'a' });
    expect(chain.stats().models[0]!.breaker).toBe('closed');
  });

  it('counts invalid answers against the breaker but not against the provider', async () => {
    openai.model = byModel({ a: { text: 'prose, not JSON' } });
    const chain = chainOf([{ provider: 'oa', model: 'a' }], {
      breaker: { failureThreshold: 2 },
      disableAfter: 2,
    });
    for (let i = 0; i < 3; i++) await chain.run(PROMPT, (t) => acceptOk(t));
    const stats = chain.stats();
    expect(stats.models[0]).toMatchObject({ invalidOutputs: 2, skipped: 1, breaker: 'open' });
    expect(stats.providers[0]).toMatchObject({ name: 'oa', disabled: false, consecutiveFailures: 0 });
  });

  it('disables a provider after repeated failures, with the reason, until it is enabled again', async () => {
    const lines: string[] = [];
    const record = (fields: object, message: string) => lines.push(`${message} ${JSON.stringify(fields)}`);
    const log: Log = { error: record, warn: record, info: record, debug: record };
    openai.model = byModel({
      a: { status: 500, message: `upstream said ${openai.apiKey}` },
      b: { status: 502 },
    });
    anthropic.model = byModel({ c: { text: '{"ok": true}' } });
    const chain = chainOf(
      [
        { provider: 'oa', model: 'a' },
        { provider: 'oa', model: 'b' },
        { provider: 'an', model: 'c' },
      ],
      { breaker: { failureThreshold: 100 }, disableAfter: 3, log },
    );
    await chain.run(PROMPT, acceptOk); // a and b fail: 2
    await chain.run(PROMPT, acceptOk); // a fails: 3, disabled; b skipped
    const received = openai.received.length;
    expect(received).toBe(3);
    const result = await chain.run(PROMPT, acceptOk);
    expect(result).toMatchObject({ ok: true, provider: 'an' });
    expect(openai.received.length).toBe(received);
    const oa = chain.stats().providers.find((p) => p.name === 'oa')!;
    expect(oa.disabled).toBe(true);
    expect(oa.disabledReason).toMatch(/3 consecutive failures; last: brain\.llm\.oa: server: HTTP 500/);
    expect(chain.stats().models[1]).toMatchObject({ skipped: 2 });
    // The fake put the key in its error message: neither the reason, the stats nor the logs hold it.
    expect(JSON.stringify(chain.stats())).not.toContain(openai.apiKey);
    expect(lines.join('\n')).not.toContain(openai.apiKey);
    expect(lines.some((l) => l.startsWith('brain.llm: provider disabled'))).toBe(true);

    expect(chain.enableProvider('nope')).toBe(false);
    expect(chain.enableProvider('oa')).toBe(true);
    openai.model = byModel({ a: { text: '{"ok": true}' } });
    expect(await chain.run(PROMPT, acceptOk)).toMatchObject({ ok: true, provider: 'oa', model: 'a' });
    expect(chain.stats().providers.find((p) => p.name === 'oa')).toMatchObject({ disabled: false });
  });

  it('accounts tokens and cost per model at its prices, invalid answers included', async () => {
    openai.model = byModel({ a: { text: '{"ok": false}', usage: { input: 1200, output: 300 } } });
    anthropic.model = byModel({ b: { text: '{"ok": true}', usage: { input: 2500, output: 700 } } });
    const chain = chainOf([
      { provider: 'oa', model: 'a', inputPricePer1k: 0.0025, outputPricePer1k: 0.01 },
      { provider: 'an', model: 'b', inputPricePer1k: 0.003, outputPricePer1k: 0.015 },
    ]);
    await chain.run(PROMPT, acceptOk);
    await chain.run(PROMPT, acceptOk);
    const { models, totals } = chain.stats();
    // a: 2 × (1.2 × 0.0025 + 0.3 × 0.01) = 0.012; b: 2 × (2.5 × 0.003 + 0.7 × 0.015) = 0.036
    expect(models[0]).toMatchObject({
      inputTokens: 2400,
      outputTokens: 600,
      costUsd: 0.012,
      invalidOutputs: 2,
    });
    expect(models[1]).toMatchObject({ inputTokens: 5000, outputTokens: 1400, costUsd: 0.036, successes: 2 });
    expect(totals).toEqual({ calls: 4, inputTokens: 7400, outputTokens: 2000, costUsd: 0.048, exhausted: 0 });
  });

  it('refuses a model that names no provider, and bad prices', () => {
    expect(() => chainOf([{ provider: 'nowhere', model: 'x' }])).toThrow(/no provider named "nowhere"/);
    expect(() => chainOf([{ provider: 'oa', model: 'x', inputPricePer1k: -1 }])).toThrow(/inputPricePer1k/);
  });
});
