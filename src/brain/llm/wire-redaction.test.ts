import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmAnalyst } from './create-llm-analyst.js';
import {
  answering,
  type FakeProviderServer,
  startFakeAnthropic,
  startFakeOpenAi,
} from './fake-providers.testing.js';
import { NOW, testEvent, testIncident } from './llm-fixtures.testing.js';

// What must never leave the machine, planted in every untrusted field an event has.
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZUBleGFtcGxlLmNvbSJ9.c2lnbmF0dXJlLXZhbHVlLWhlcmU';
const SECRETS = {
  password: 'hunter2-Pa55',
  apiKey: 'AbCdEf0123456789',
  bearer: 'tok_9f8e7d6c5b4a3210',
  jwt: JWT,
  aws: 'AKIAIOSFODNN7EXAMPLE',
  openaiKey: 'sk-proj-Zz9Yy8Xx7Ww6Vv5Uu4Tt3',
  privateKey: 'MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo',
  cookie: 'sess-5d41402abc4b2a76',
  card: '4111 1111 1111 1111',
  email: 'alice.jones@example.com',
  clientIp: '203.0.113.7',
  otherIp: '198.51.100.23',
  ipv6: '2001:db8:85a3::8a2e:370:7334',
};

const EVENTS = [
  testEvent({
    id: 'e1',
    ip: SECRETS.clientIp,
    path: `/login?user=${SECRETS.email}&password=${SECRETS.password}&api_key=${SECRETS.apiKey}`,
    userAgent: `curl/8.5 (Authorization: Bearer ${SECRETS.bearer}) via ${SECRETS.otherIp}`,
    findings: [{ location: 'header.authorization', evidence: `Bearer ${SECRETS.jwt}` }],
  }),
  testEvent({
    id: 'e2',
    ip: SECRETS.ipv6,
    path: '/upload',
    userAgent: `python-requests Cookie: sid=${SECRETS.cookie}`,
    findings: [
      {
        analyzer: 'cmdi',
        rule: 'cmdi/chained-command',
        evidence: `echo ${SECRETS.aws} ${SECRETS.openaiKey}`,
      },
      {
        analyzer: 'deserialization',
        rule: 'java-serialized',
        location: 'body.json.key',
        evidence: `-----BEGIN RSA PRIVATE KEY-----\n${SECRETS.privateKey}\n-----END RSA PRIVATE KEY-----`,
      },
      { analyzer: 'sqli', location: 'body.form.card', evidence: `card=${SECRETS.card}` },
    ],
  }),
];

let openai: FakeProviderServer;
let anthropic: FakeProviderServer;
beforeAll(async () => {
  openai = await startFakeOpenAi({ model: answering({ summary: 'ok', explanation: 'ok' }) });
  anthropic = await startFakeAnthropic({ model: answering({ summary: 'ok', explanation: 'ok' }) });
});
afterAll(async () => {
  await openai.close();
  await anthropic.close();
});

describe.each([
  ['openai-compatible', () => openai],
  ['anthropic', () => anthropic],
] as const)('what reaches a %s server', (kind, fakeOf) => {
  it('holds no secret, e-mail or address, whichever function sent it', async () => {
    const fake = fakeOf();
    const analyst = createLlmAnalyst(
      {
        providers: [{ name: 'p', kind, baseUrl: fake.baseUrl, apiKey: fake.apiKey }],
        models: [{ provider: 'p', model: 'm' }],
      },
      { now: () => NOW },
    );
    const incident = testIncident({
      title: `Attack from ${SECRETS.clientIp} on ${SECRETS.email}'s account`,
      clients: [SECRETS.clientIp, '2001:db8:85a3::/64'],
    });
    await analyst.summarizeIncident(incident, EVENTS);
    for (const event of EVENTS)
      for (const finding of event.verdict.findings) await analyst.explainFinding(finding, event);
    await analyst.questionToQuery(
      `requests from ${SECRETS.clientIp} by ${SECRETS.email} with password=${SECRETS.password} today`,
    );
    expect(fake.received).toHaveLength(6);
    const wire = fake.received.map((r) => `${JSON.stringify(r.headers)}\n${r.body}`).join('\n');
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(wire, name).not.toContain(secret);
      expect(wire, name).not.toContain(JSON.stringify(secret).slice(1, -1));
    }
    expect(wire).not.toContain('2001:db8:85a3');
    // The data still went, with markers and pseudonyms in place of what was taken out.
    for (const marker of [
      '[secret]',
      '[jwt]',
      '[aws-key]',
      '[api-key]',
      '[private-key]',
      '[card]',
      '[email]',
    ])
      expect(wire).toContain(marker);
    expect(wire).toMatch(/client-1.*client-2/s);
  });
});
