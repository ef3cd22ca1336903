import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmAnalyst, type LlmAnalyst } from './create-llm-analyst.js';
import { explainByRules } from './explain-by-rules.js';
import {
  answering,
  type FakeProviderServer,
  startFakeAnthropic,
  startFakeOpenAi,
} from './fake-providers.testing.js';
import { NOW, testEvent, testIncident } from './llm-fixtures.testing.js';
import { readQuestion } from './read-question.js';
import { summarizeByRules } from './summarize-by-rules.js';

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
    fake.model = () => ({ status: 500 });
  }
});

const PROVIDERS = [
  { kind: 'openai-compatible', fake: () => openai },
  { kind: 'anthropic', fake: () => anthropic },
] as const;

function analystOn(kind: string, fake: FakeProviderServer): LlmAnalyst {
  return createLlmAnalyst(
    {
      providers: [{ name: 'p', kind, baseUrl: fake.baseUrl, apiKey: fake.apiKey, timeoutMs: 2000 }],
      models: [{ provider: 'p', model: 'analyst-1' }],
    },
    { now: () => NOW },
  );
}

const INCIDENT = testIncident({ clients: ['203.0.113.7'] });
const EVENTS = [
  testEvent({ id: 'e1', findings: [{}] }),
  testEvent({ id: 'e2', findings: [{ rule: 'sqli/union-select' }], action: 'log' }),
];

describe.each(PROVIDERS)('the analyst through a $kind provider', ({ kind, fake: fakeOf }) => {
  it('summarises an incident, with real addresses back in the answer', async () => {
    const fake = fakeOf();
    fake.model = answering({
      summary: 'client-1 tried SQL injection on /login; one attempt reached the application.',
      recommendedActions: [
        { kind: 'block', target: 'client-1', reason: 'client-1 keeps attacking' },
        { kind: 'fix-upstream', target: '/login', reason: 'an attack got through' },
      ],
    });
    const answer = await analystOn(kind, fake).summarizeIncident(INCIDENT, EVENTS);
    expect(answer).toEqual({
      summary: '203.0.113.7 tried SQL injection on /login; one attempt reached the application.',
      recommendedActions: [
        { kind: 'block', target: '203.0.113.7', reason: '203.0.113.7 keeps attacking' },
        { kind: 'fix-upstream', target: '/login', reason: 'an attack got through' },
      ],
      source: 'llm',
      model: 'p/analyst-1',
    });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.call.user).toContain('client-1');
  });

  it('turns a question into a validated query', async () => {
    const fake = fakeOf();
    fake.model = answering({ client: 'client-1', action: 'block', category: 'sqli', from: NOW - 3_600_000 });
    const answer = await analystOn(kind, fake).questionToQuery(
      'blocked database attacks from 203.0.113.7 in the last hour',
    );
    expect(answer).toEqual({
      query: { client: '203.0.113.7', action: 'block', category: 'sqli', from: NOW - 3_600_000, limit: 100 },
      source: 'llm',
      model: 'p/analyst-1',
    });
    // The model saw the address as its pseudonym only.
    expect(fake.received[0]!.body).toContain('client-1');
    expect(fake.received[0]!.body).not.toContain('203.0.113.7');
  });

  it('explains a finding', async () => {
    const fake = fakeOf();
    fake.model = answering({ explanation: 'client-1 sent a tautology in the id parameter.' });
    const event = EVENTS[0]!;
    const answer = await analystOn(kind, fake).explainFinding(event.verdict.findings[0]!, event);
    expect(answer).toEqual({
      explanation: '203.0.113.7 sent a tautology in the id parameter.',
      source: 'llm',
      model: 'p/analyst-1',
    });
  });
});

describe('createLlmAnalyst', () => {
  it('falls back model by model, then to the rules, and counts where answers came from', async () => {
    openai.model = () => ({ status: 500 });
    anthropic.model = () => ({ raw: '{"content": "not the API shape"}' });
    const analyst = createLlmAnalyst(
      {
        providers: [
          { name: 'oa', kind: 'openai-compatible', baseUrl: openai.baseUrl, apiKey: openai.apiKey },
          { name: 'an', kind: 'anthropic', baseUrl: anthropic.baseUrl, apiKey: anthropic.apiKey },
        ],
        models: [
          { provider: 'oa', model: 'first' },
          { provider: 'an', model: 'second' },
        ],
      },
      { now: () => NOW },
    );
    const summary = await analyst.summarizeIncident(INCIDENT, EVENTS);
    expect(summary).toEqual({ ...summarizeByRules(INCIDENT, EVENTS), source: 'rules' });
    const question = 'sqli on /login today';
    expect(await analyst.questionToQuery(question)).toEqual({
      query: { ...readQuestion(question, NOW).query, limit: 100 },
      source: 'rules',
    });
    expect(openai.calls.map((c) => c.call.model)).toEqual(['first', 'first']);
    expect(anthropic.calls.map((c) => c.call.model)).toEqual(['second', 'second']);

    // The first model recovers: the next answer is its own.
    openai.model = answering({ explanation: 'Recovered.' });
    const event = EVENTS[0]!;
    expect(await analyst.explainFinding(event.verdict.findings[0]!, event)).toMatchObject({
      source: 'llm',
      model: 'oa/first',
    });
    const stats = analyst.stats();
    expect(stats.answers).toEqual({ llm: 1, rules: 2 });
    expect(stats.totals.exhausted).toBe(2);
    expect(stats.models.map((m) => [m.model, m.failures, m.successes])).toEqual([
      ['first', 2, 1],
      ['second', 2, 0],
    ]);
  });

  it('answers from the rules alone when no model is configured', async () => {
    const analyst = createLlmAnalyst({}, { now: () => NOW });
    const event = EVENTS[1]!;
    expect(await analyst.explainFinding(event.verdict.findings[0]!, event)).toEqual({
      explanation: explainByRules(event.verdict.findings[0]!, event),
      source: 'rules',
    });
    expect(
      (await analyst.questionToQuery('blocked requests from 203.0.113.7 in the last hour')).query,
    ).toEqual({
      client: '203.0.113.7',
      action: 'block',
      from: NOW - 3_600_000,
      limit: 100,
    });
    expect(analyst.stats()).toMatchObject({ answers: { llm: 0, rules: 2 }, models: [], providers: [] });
    expect(analyst.enableProvider('any')).toBe(false);
  });

  it('refuses bad options', () => {
    expect(() => createLlmAnalyst({ maxFieldChars: 0 })).toThrow(/maxFieldChars/);
    expect(() => createLlmAnalyst({ providers: [{ name: 'x', kind: 'nope' }] })).toThrow(/no kind "nope"/);
  });
});
