import { describe, expect, it } from 'vitest';
import {
  type BehaviourSignal,
  createEventBus,
  type Decision,
  type Incident,
  type SecurityEvent,
  SILENT_LOG,
  type Topics,
} from '../core/index.js';
import { createMemoryAgentMemoryStore, createMemoryIncidentStore } from '../store/index.js';
import { createBehaviourAnalystAgent } from './agents/behaviour/behaviour-analyst-agent.js';
import { normalTraffic } from './agents/behaviour/traffic.testing.js';
import { createCorrelatorAgent } from './agents/correlator/correlator-agent.js';
import { createResponderAgent } from './agents/responder/responder-agent.js';
import { eventOf } from './agents/shared/events.testing.js';
import { createStrategistAgent } from './agents/strategist/strategist-agent.js';
import { startReceiver } from './alerts/channels/http-receiver.testing.js';
import { createWebhookChannel } from './alerts/channels/webhook-channel.js';
import { createAlerter } from './alerts/create-alerter.js';
import { createAlertRules } from './alerts/rules/alert-rule-registry.js';
import { agentMemory } from './runtime/agent-memory.js';
import { createAgentRuntime } from './runtime/create-agent-runtime.js';

const T0 = 1_800_000_000_000;
const MINUTE = 60_000;
const SCANNER_IPS = Array.from({ length: 50 }, (_, i) => `198.51.100.${i + 10}`);
const STUFFER_IP = '192.0.2.66';
const PROBES = ['/.env', '/.git/config', '/wp-admin/setup-config.php', '/phpmyadmin/index.php'];

/** One scanner from 50 addresses, taking turns: the same probes, user agent, fingerprint and findings. */
function scanner(start: number): SecurityEvent[] {
  return PROBES.flatMap((path, round) =>
    SCANNER_IPS.map((ip, i) =>
      eventOf({
        time: start + (round * SCANNER_IPS.length + i) * 700,
        ip,
        path,
        userAgent: 'Mozilla/5.00 (Nikto/2.5.0)',
        fingerprint: 'fp-nikto',
        findings: ['scanner/probe-path@0.8', 'scanner/tool-agent'],
        action: 'block',
      }),
    ),
  );
}

/** A credential stuffer: a POST to /login every 400 ms from one address, every one refused. */
function stuffer(start: number): SecurityEvent[] {
  return Array.from({ length: 80 }, (_, i) =>
    eventOf({
      time: start + i * 400,
      ip: STUFFER_IP,
      method: 'POST',
      path: '/login',
      status: 401,
      userAgent: 'python-requests/2.31',
    }),
  );
}

/** People who log in: a wrong password now and then, then the right one. */
function logins(start: number): SecurityEvent[] {
  return Array.from({ length: 20 }, (_, c) => {
    const ip = `10.1.0.${c + 1}`;
    const at = start + c * 9000;
    return [
      eventOf({ time: at, ip, path: '/login' }),
      ...(c % 3 === 0 ? [eventOf({ time: at + 8000, ip, method: 'POST', path: '/login', status: 401 })] : []),
      eventOf({ time: at + 15_000, ip, method: 'POST', path: '/login', status: 302 }),
      eventOf({ time: at + 16_000, ip, path: '/account' }),
    ];
  }).flat();
}

describe('replaying a scripted campaign through the bus and the agents', () => {
  it('makes one incident of the scanner, one of the stuffer, none of normal clients, one alert per campaign, and decides on the hostile only', async () => {
    let now = T0;
    const clock = () => now;
    const bus = createEventBus<Topics>();
    const incidents = createMemoryIncidentStore();
    const memory = createMemoryAgentMemoryStore();
    const decisions: Decision[] = [];
    const signals: BehaviourSignal[] = [];
    const announced: Incident[] = [];
    bus.subscribe('decision.made', (d) => decisions.push(d));
    bus.subscribe('brain.signal', (s) => signals.push(s));
    bus.subscribe('brain.incident', (i) => announced.push(i));
    // Alerts go to a real webhook receiver: one per campaign, however many times its incident changes.
    const receiver = await startReceiver();
    const alerter = createAlerter(
      {
        rules: createAlertRules(),
        routes: [{ channel: createWebhookChannel({ url: receiver.url, name: 'ops' }) }],
        sweepIntervalMs: 0,
      },
      { log: SILENT_LOG, now: clock },
    );
    const detach = alerter.attach(bus);
    const runtime = createAgentRuntime(
      bus,
      [
        createBehaviourAnalystAgent({
          publish: (s) => bus.publish('brain.signal', s),
          memory: agentMemory(memory, 'behaviour-analyst', clock),
        }),
        createCorrelatorAgent({ incidents, publish: (i) => bus.publish('brain.incident', i) }),
        createResponderAgent({
          emit: (d) => bus.publish('decision.made', d),
          memory: agentMemory(memory, 'responder', clock),
          now: clock,
        }),
        createStrategistAgent({ publish: (a) => bus.publish('brain.strategy', a) }),
      ],
      { now: clock },
    );
    await runtime.start();

    const traffic = [
      ...normalTraffic(150, T0),
      ...logins(T0 + 2 * MINUTE),
      ...scanner(T0 + 5 * MINUTE),
      ...stuffer(T0 + 6 * MINUTE),
    ].sort((a, b) => a.time - b.time);
    for (let at = 0; at < traffic.length; at += 250) {
      const batch = traffic.slice(at, at + 250);
      now = batch[batch.length - 1]!.time;
      for (const event of batch) bus.publish('security.event', event);
      await runtime.idle();
    }
    runtime.tick();
    await runtime.idle();

    const stored = await incidents.list({ limit: 1000 });
    expect(stored.map((i) => i.kind).sort()).toEqual(['campaign', 'credential-stuffing']);
    const campaign = stored.find((i) => i.kind === 'campaign')!;
    expect(campaign).toMatchObject({
      campaign: 'shop:scanner',
      categories: ['scanner'],
      eventCount: 200,
      severity: 'high',
      // Every address of it is sent into the maze by the responder's decisions: held.
      status: 'contained',
      fingerprints: ['fp-nikto'],
    });
    expect([...campaign.clients].sort()).toEqual([...SCANNER_IPS].sort());
    const stuffing = stored.find((i) => i.kind === 'credential-stuffing')!;
    // A challenge slows a client down but does not hold it.
    expect(stuffing).toMatchObject({
      clients: [STUFFER_IP],
      eventCount: 80,
      severity: 'medium',
      status: 'open',
    });
    expect(announced.every((i) => i.id === campaign.id || i.id === stuffing.id)).toBe(true);

    const hostile = new Set([...SCANNER_IPS, STUFFER_IP]);
    expect(decisions.filter((d) => !hostile.has(d.value))).toEqual([]);
    const strongest = new Map<string, string>();
    for (const d of decisions) strongest.set(d.value, d.action);
    expect([...strongest.keys()].sort()).toEqual([...hostile].sort());
    for (const ip of SCANNER_IPS) expect(strongest.get(ip), ip).toBe('labyrinth');
    expect(strongest.get(STUFFER_IP)).toBe('challenge');
    expect(decisions.every((d) => d.source === 'agent' && d.createdBy === 'brain.responder')).toBe(true);
    // The correlator heard the decisions and lists them on the incidents.
    expect(campaign.decisions).toHaveLength(50);
    // One decision for the stuffer: from its incident or from its behaviour, whichever the responder heard first.
    const aboutStuffer = decisions.filter((d) => d.value === STUFFER_IP).map((d) => d.id);
    expect(aboutStuffer).toHaveLength(1);
    expect(stuffing.decisions).toEqual(aboutStuffer);

    // The stuffer's behaviour stands out against the site's normal clients; nobody else's does.
    expect(new Set(signals.map((s) => s.client.ip))).toEqual(new Set([STUFFER_IP]));

    for (const health of runtime.health())
      expect(health, health.id).toMatchObject({ state: 'running', failed: 0, dropped: 0, queueDepth: 0 });

    await alerter.idle();
    const alerts = receiver.requests.map((r) => JSON.parse(r.body) as { groupKey: string; subject: string });
    expect(alerts.filter((a) => a.subject === campaign.id)).toHaveLength(1);
    expect(alerts.map((a) => a.groupKey)).toEqual([...new Set(alerts.map((a) => a.groupKey))]);
    expect(announced.filter((i) => i.id === campaign.id).length).toBeGreaterThan(1);
    detach();
    await alerter.close();
    await receiver.close();
    // The analyst hears every event; the correlator and the strategist only those that can matter to them.
    const processed = Object.fromEntries(runtime.health().map((h) => [h.id, h.processed]));
    expect(processed['behaviour-analyst']).toBeGreaterThanOrEqual(traffic.length);
    expect(processed.correlator).toBeLessThan(traffic.length);
    await runtime.stop();
  });
});
