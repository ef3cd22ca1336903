import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus, type Incident, type Log, type Topics } from '../../core/index.js';
import { securityEvent } from '../../store/security-event-fixture.testing.js';
import { canaryUse } from './alert-fixture.testing.js';
import type { AlertChannel } from './channels/alert-channel.js';
import { type Receiver, startReceiver } from './channels/http-receiver.testing.js';
import { createSlackChannel } from './channels/slack-channel.js';
import { createWebhookChannel } from './channels/webhook-channel.js';
import { type AlerterOptions, createAlerter } from './create-alerter.js';
import { createAlertRules } from './rules/alert-rule-registry.js';

const SECRET = 'webhook-shared-secret-value';
const START = Date.UTC(2025, 0, 1, 10, 0, 0);
const FAST = { retries: 1, backoffMs: 5, maxBackoffMs: 10, timeoutMs: 2000 };

/** A log that keeps what it is given. */
function recordingLog() {
  const lines: { level: string; fields: object; message: string }[] = [];
  const at =
    (level: string) =>
    (fields: object, message: string): void => {
      lines.push({ level, fields, message });
    };
  const log: Log = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
  return { log, lines };
}

/** A clock the test moves. */
function clock(start = START) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const receivers: Receiver[] = [];
async function receiver(answer?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

function alerter(routes: AlerterOptions['routes'], extra: Partial<AlerterOptions> = {}, time = clock()) {
  const { log, lines } = recordingLog();
  const a = createAlerter(
    { rules: createAlertRules(), routes, sweepIntervalMs: 0, ...extra },
    { log, now: time.now },
  );
  return { alerter: a, lines, time };
}

const incident = (id: string): Incident => ({
  id,
  title: 'Credential stuffing',
  kind: 'credential-stuffing',
  severity: 'critical',
  status: 'open',
  site: 'shop',
  clients: ['198.51.100.7'],
  fingerprints: [],
  categories: [],
  events: [],
  eventCount: 3,
  decisions: [],
  campaign: null,
  firstSeen: START,
  lastSeen: START,
  summary: '',
});

const bodies = (r: Receiver) => r.requests.map((q) => JSON.parse(q.body) as Record<string, unknown>);

describe('createAlerter: one campaign, one alert', () => {
  it('10,000 canary uses by one intruder deliver one alert, then one summary naming 9,999 more', async () => {
    const hook = await receiver();
    const channel = createWebhookChannel({ url: hook.url, secret: SECRET, ...FAST });
    const { alerter: a, time } = alerter([{ channel }]);
    for (let i = 0; i < 10_000; i++) {
      a.canaryUsed(canaryUse('1a2b3c4d', time.now()));
      time.advance(10);
    }
    await a.idle();
    expect(hook.requests).toHaveLength(1);
    expect(bodies(hook)[0]).toMatchObject({
      kind: 'alert',
      rule: 'canary-used',
      subject: '1a2b3c4d',
      more: 0,
    });
    expect(a.stats()).toMatchObject({
      raised: 10_000,
      grouped: 1,
      folded: 9_999,
      sent: 1,
      failed: 0,
      openGroups: 1,
    });

    time.advance(600_000);
    a.sweep();
    await a.idle();
    expect(hook.requests).toHaveLength(2);
    const summary = bodies(hook)[1]!;
    expect(summary).toMatchObject({ kind: 'summary', more: 9_999, groupKey: 'canary-used/shop/1a2b3c4d' });
    expect(summary.text).toMatch(/ — and 9,999 more since 2025-01-01T10:00:00\.000Z$/);
    expect(a.stats()).toMatchObject({ summaries: 1, sent: 2, openGroups: 0 });
    await a.close();
  });

  it('10,000 attacks of one wave on one site deliver one alert (and one summary at close)', async () => {
    const hook = await receiver();
    const channel = createWebhookChannel({ url: hook.url, ...FAST });
    const { alerter: a, time } = alerter([{ channel }]);
    for (let i = 0; i < 10_000; i++) {
      a.observeEvent(securityEvent({ id: `e${i}`, time: time.now(), analyzers: ['sqli'], action: 'block' }));
      time.advance(5);
    }
    await a.idle();
    expect(hook.requests).toHaveLength(1);
    expect(bodies(hook)[0]).toMatchObject({ kind: 'alert', rule: 'attack-wave', site: 'shop' });
    await a.close();
    expect(hook.requests).toHaveLength(2);
    // The wave starts at the 100th attack (the default minAttacks): the 9,900 after it are folded.
    expect(bodies(hook)[1]).toMatchObject({ kind: 'summary', rule: 'attack-wave', more: 9_900 });
  });

  it('sends no summary when told not to', async () => {
    const hook = await receiver();
    const { alerter: a } = alerter([{ channel: createWebhookChannel({ url: hook.url, ...FAST }) }], {
      summaries: false,
    });
    for (let i = 0; i < 100; i++) a.canaryUsed(canaryUse('1a2b3c4d', START));
    await a.close();
    expect(hook.requests).toHaveLength(1);
    expect(a.stats()).toMatchObject({ folded: 99, summaries: 0 });
  });
});

describe('createAlerter: rates', () => {
  it('holds a channel to its rate: the burst at once, then the refill', async () => {
    const hook = await receiver();
    const channel = createWebhookChannel({ url: hook.url, ...FAST });
    const { alerter: a, time } = alerter([{ channel, rate: { burst: 5, perMinute: 1 } }]);
    for (let i = 0; i < 50; i++) a.canaryUsed(canaryUse(`intruder-${i}`, START));
    await a.idle();
    expect(hook.requests).toHaveLength(5);
    expect(a.stats().channels[0]).toMatchObject({ name: 'webhook', sent: 5, droppedRateLimit: 45 });
    time.advance(60_000);
    a.canaryUsed(canaryUse('intruder-50', time.now()));
    a.canaryUsed(canaryUse('intruder-51', time.now()));
    await a.idle();
    expect(hook.requests).toHaveLength(6);
    expect(a.stats()).toMatchObject({ sent: 6, droppedRateLimit: 46 });
  });

  it('holds every channel together to the global cap', async () => {
    const hookA = await receiver();
    const hookB = await receiver();
    const routes = [
      { channel: createWebhookChannel({ url: hookA.url, ...FAST }), rate: { burst: 10, perMinute: 10 } },
      { channel: createSlackChannel({ url: hookB.url, ...FAST }), rate: { burst: 10, perMinute: 10 } },
    ];
    const { alerter: a } = alerter(routes, { globalRate: { burst: 3, perMinute: 1 } });
    for (let i = 0; i < 4; i++) a.canaryUsed(canaryUse(`intruder-${i}`, START));
    await a.idle();
    expect(hookA.requests.length + hookB.requests.length).toBe(3);
    expect(a.stats()).toMatchObject({ sent: 3, droppedRateLimit: 5 });
  });

  it('sends a channel only the severities it asks for', async () => {
    const all = await receiver();
    const critical = await receiver();
    const routes = [
      { channel: createWebhookChannel({ url: all.url, name: 'all', ...FAST }) },
      {
        channel: createWebhookChannel({ url: critical.url, name: 'pager', ...FAST }),
        minSeverity: 'critical' as const,
      },
    ];
    const { alerter: a } = alerter(routes);
    for (let i = 0; i < 100; i++)
      a.observeEvent(securityEvent({ id: `e${i}`, time: START, analyzers: ['xss'], action: 'block' }));
    a.canaryUsed(canaryUse('1a2b3c4d', START));
    await a.idle();
    expect(bodies(all).map((b) => b.rule)).toEqual(['attack-wave', 'canary-used']);
    expect(bodies(critical).map((b) => b.rule)).toEqual(['canary-used']);
  });

  it('drops a message when too many deliveries are under way', async () => {
    const hang = await receiver(() => 'hang');
    const channel = createWebhookChannel({ url: hang.url, retries: 0, timeoutMs: 200 });
    const { alerter: a } = alerter([{ channel }], { maxInFlight: 2 });
    for (let i = 0; i < 5; i++) a.canaryUsed(canaryUse(`intruder-${i}`, START));
    expect(a.stats()).toMatchObject({ inFlight: 2, droppedInFlight: 3 });
    await a.idle();
    expect(a.stats()).toMatchObject({ inFlight: 0, failed: 2, sent: 0 });
  });
});

describe('createAlerter: faults', () => {
  it('counts and logs a failed delivery without the address or the secret, and never throws', async () => {
    const hook = await receiver(() => 500);
    const channel = createWebhookChannel({ url: hook.url, secret: SECRET, name: 'soc', ...FAST });
    const { alerter: a, lines } = alerter([{ channel }]);
    expect(() => a.canaryUsed(canaryUse('1a2b3c4d', START))).not.toThrow();
    await a.idle();
    expect(hook.requests).toHaveLength(2);
    expect(a.stats().channels[0]).toMatchObject({ name: 'soc', sent: 0, failed: 1, retries: 1 });
    const warning = lines.find((l) => l.level === 'warn');
    expect(warning?.fields).toEqual({
      channel: 'soc',
      rule: 'canary-used',
      kind: 'alert',
      attempts: 2,
      reason: 'status 500',
    });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('s3cr3t-path');
    expect(logged).not.toContain(SECRET);
  });

  it('survives a channel that throws or rejects, and a rule that throws', async () => {
    const throwing: AlertChannel = {
      name: 'broken',
      send: () => {
        throw new Error('boom');
      },
    };
    const rejecting: AlertChannel = { name: 'rejecting', send: () => Promise.reject(new TypeError('bad')) };
    const faulty = {
      name: 'faulty',
      observe: () => {
        throw new Error('rule bug');
      },
    };
    const { log, lines } = recordingLog();
    const a = createAlerter(
      {
        rules: [faulty, ...createAlertRules()],
        routes: [{ channel: throwing }, { channel: rejecting }],
        sweepIntervalMs: 0,
      },
      { log, now: () => START },
    );
    a.canaryUsed(canaryUse('1a2b3c4d', START));
    await a.idle();
    expect(a.stats()).toMatchObject({ ruleErrors: 1, raised: 1, failed: 2 });
    expect(a.stats().channels.map((c) => c.failed)).toEqual([1, 1]);
    expect(lines.filter((l) => l.level === 'error').map((l) => l.fields)).toContainEqual(
      expect.objectContaining({ rule: 'faulty' }),
    );
  });

  it('refuses two channels of one name and a bad minimum severity', () => {
    const channel = createWebhookChannel({ url: 'https://hooks.example/a' });
    expect(() => alerter([{ channel }, { channel }])).toThrow(/two channels are named webhook/);
    expect(() => alerter([{ channel, minSeverity: 'loud' as never }])).toThrow(/minSeverity/);
  });
});

describe('createAlerter: wiring', () => {
  it('reads canaries, events and incidents from the bus until detached, and takes them by method too', async () => {
    const hook = await receiver();
    const { alerter: a } = alerter([{ channel: createWebhookChannel({ url: hook.url, ...FAST }) }]);
    const bus = createEventBus<Topics>();
    const detach = a.attach(bus);
    bus.publish('labyrinth.canary', canaryUse('aaaa1111', START));
    bus.publish('brain.incident', incident('inc-8'));
    detach();
    bus.publish('labyrinth.canary', canaryUse('bbbb2222', START));
    expect(bus.hasListeners('security.event')).toBe(false);
    expect(bus.hasListeners('brain.incident')).toBe(false);
    a.incident(incident('inc-9'));
    a.auditChecked({
      ok: false,
      entries: 4,
      problem: { kind: 'removed', seq: 5, message: 'entry 5 is missing' },
    });
    a.auditChecked({ ok: true, entries: 10 });
    await a.idle();
    expect(bodies(hook).map((b) => `${b.rule}/${b.subject}`)).toEqual([
      'canary-used/aaaa1111',
      'incident-high/inc-8',
      'incident-high/inc-9',
      'audit-chain-broken/removed@5',
    ]);
    await a.close();
    a.canaryUsed(canaryUse('cccc3333', START));
    await a.idle();
    expect(hook.requests).toHaveLength(4);
  });
});
