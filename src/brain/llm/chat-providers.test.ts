import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatProvider, ChatRequest } from './chat-provider.js';
import {
  type FakeProviderServer,
  type FakeReply,
  startFakeAnthropic,
  startFakeOpenAi,
} from './fake-providers.testing.js';
import { LlmProviderError } from './provider-error.js';
import { createProviderRegistry } from './provider-registry.js';

const REQUEST: ChatRequest = {
  model: 'model-a',
  system: 'You are terse.',
  messages: [{ role: 'user', content: 'Say hi.' }],
  maxOutputTokens: 64,
  temperature: 0,
};

const APIS = [
  { kind: 'openai-compatible', start: startFakeOpenAi },
  { kind: 'anthropic', start: startFakeAnthropic },
] as const;

async function failureOf(promise: Promise<unknown>): Promise<LlmProviderError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof LlmProviderError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe.each(APIS)('the $kind provider', ({ kind, start }) => {
  let fake: FakeProviderServer;
  let provider: ChatProvider;
  beforeAll(async () => {
    fake = await start();
    provider = createProviderRegistry().create({
      name: 'p1',
      kind,
      baseUrl: fake.baseUrl,
      apiKey: fake.apiKey,
      timeoutMs: 500,
      maxResponseBytes: 2048,
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.received.length = 0;
    fake.calls.length = 0;
  });

  it('sends the system prompt and turns the way the API wants them and returns the text and usage', async () => {
    fake.model = (call) => ({ text: `${call.system} / ${call.user}`, usage: { input: 21, output: 5 } });
    const answer = await provider.send(REQUEST);
    expect(answer.text).toBe('You are terse. / Say hi.');
    expect(answer.usage).toEqual({ inputTokens: 21, outputTokens: 5 });
    const [sent] = fake.received;
    const body = JSON.parse(sent!.body);
    if (kind === 'anthropic') {
      expect(sent!.headers['x-api-key']).toBe(fake.apiKey);
      expect(sent!.headers['anthropic-version']).toBe('2023-06-01');
      expect(body).toMatchObject({ model: 'model-a', system: 'You are terse.', max_tokens: 64 });
      expect(body.messages).toEqual([{ role: 'user', content: 'Say hi.' }]);
    } else {
      expect(sent!.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
      expect(body.messages[0]).toEqual({ role: 'system', content: 'You are terse.' });
      expect(body).toMatchObject({ model: 'model-a', max_tokens: 64, temperature: 0 });
    }
  });

  it.each<[string, FakeReply, string, number | undefined]>([
    ['a 500', { status: 500 }, 'server', 500],
    ['a 529', { status: 529, message: 'Overloaded' }, 'server', 529],
    ['a 429', { status: 429, message: 'Rate limit reached' }, 'rate-limit', 429],
    ['a 400', { status: 400, message: 'bad model' }, 'refused', 400],
    ['a body that is not JSON', { raw: '<html>oops</html>' }, 'bad-response', 200],
    [
      'JSON of another shape',
      { raw: '{"choices":[{"message":{"content":42}}],"content":[{"type":"image"}]}' },
      'bad-response',
      200,
    ],
    ['an empty answer', { raw: '{}' }, 'bad-response', 200],
    ['an answer over the size limit', { raw: `"${'x'.repeat(4096)}"` }, 'bad-response', 200],
    ['no answer in time', { hang: true }, 'timeout', undefined],
  ])('turns %s into a typed error', async (_, reply, failure, status) => {
    fake.model = () => reply;
    const err = await failureOf(provider.send(REQUEST));
    expect(err.kind).toBe(failure);
    expect(err.provider).toBe('p1');
    if (status !== undefined && failure !== 'bad-response') expect(err.status).toBe(status);
  });

  it('refuses a wrong key as an auth error that holds neither key', async () => {
    const wrongKey = 'sk-wrong-ZYXWVUTSRQPONMLKJIHG';
    const wrong = createProviderRegistry().create({
      name: 'p2',
      kind,
      baseUrl: fake.baseUrl,
      apiKey: wrongKey,
    });
    const err = await failureOf(wrong.send(REQUEST));
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.message).not.toContain(wrongKey);
    expect(err.message).not.toContain(fake.apiKey);
    expect(JSON.stringify(wrong)).not.toContain(wrongKey);
  });
});

describe('providers', () => {
  it('report a network error when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const provider = createProviderRegistry().create({
      name: 'gone',
      kind: 'openai-compatible',
      baseUrl: `http://127.0.0.1:${port}/v1`,
    });
    const err = await failureOf(provider.send(REQUEST));
    expect(err.kind).toBe('network');
  });

  it('refuse bad options with every problem named, and never the key', () => {
    const registry = createProviderRegistry();
    expect(() => registry.create({ name: 'x', kind: 'anthropic', baseUrl: 'https://example.test' })).toThrow(
      /apiKey is required/,
    );
    expect(() => registry.create({ name: 'x', kind: 'openai-compatible', apiKey: 'sk-abc' })).toThrow(
      /baseUrl is required/,
    );
    expect(() =>
      registry.create({
        name: 'x',
        kind: 'openai-compatible',
        baseUrl: 'ftp://x',
        apiKey: 'sk-secret-value',
        timeoutMs: 0,
      }),
    ).toThrow(/baseUrl.*timeoutMs|timeoutMs.*baseUrl/);
    try {
      registry.create({ name: 'x', kind: 'openai-compatible', baseUrl: 'nope', apiKey: 'sk-secret-value' });
    } catch (err) {
      expect(String(err)).not.toContain('sk-secret-value');
    }
    expect(() => registry.create({ name: 'x', kind: 'gemini' })).toThrow(/no kind "gemini"/);
  });

  it('take further kinds through the registry, once each', () => {
    const registry = createProviderRegistry();
    const made: ChatProvider = {
      name: 'mine',
      kind: 'mine',
      send: async () => ({ text: 'ok', usage: { inputTokens: 0, outputTokens: 0 } }),
    };
    registry.register('mine', () => made);
    expect(registry.create({ name: 'mine', kind: 'mine' })).toBe(made);
    expect(() => registry.register('mine', () => made)).toThrow(/already registered/);
    expect(registry.kinds()).toEqual(['openai-compatible', 'anthropic', 'mine']);
  });
});
