import { describe, expect, it } from 'vitest';
import type { Decision, Incident, IntruderSession } from '../../../core/index.js';
import { type EventSpec, eventOf } from '../shared/events.testing.js';
import { Correlator } from './correlator.js';

const T0 = 1_800_000_000_000;

function correlator(options: ConstructorParameters<typeof Correlator>[0] = {}) {
  let n = 0;
  const engine = new Correlator(options, () => `inc-${++n}`);
  /** Every incident as last taken, by id. */
  const seen = new Map<string, Incident>();
  const take = () => {
    for (const incident of [...engine.takeNotable(), ...engine.takeDirty()]) seen.set(incident.id, incident);
    return [...seen.values()];
  };
  const feed = (...specs: EventSpec[]) => {
    for (const spec of specs) engine.observeEvent(eventOf(spec));
    return take();
  };
  return { engine, feed, take };
}

const decision = (value: string, over: Partial<Decision> = {}): Decision => ({
  id: `d-${value}`,
  scope: value.includes('/') ? 'cidr' : 'ip',
  value,
  action: 'block',
  reason: 'test',
  source: 'manual',
  created: T0,
  expires: null,
  createdBy: 'test',
  ...over,
});

const probe = (ip: string, i: number, over: Partial<EventSpec> = {}): EventSpec => ({
  time: T0 + i * 1000,
  ip,
  fingerprint: `fp-${ip}`,
  path: `/probe-${i}`,
  findings: ['scanner/probe-path'],
  ...over,
});

describe('Correlator', () => {
  it('opens an incident about a client after a few hostile events, not for normal traffic', () => {
    const { feed } = correlator();
    const quiet = feed(
      { time: T0, ip: '10.0.0.1' },
      { time: T0 + 1, ip: '10.0.0.1', status: 404 },
      { time: T0 + 2, ip: '10.0.0.2', findings: ['scanner/no-agent@0.3'] },
      { time: T0 + 3, ip: '192.0.2.7', findings: ['sqli/union'] },
      { time: T0 + 4, ip: '192.0.2.7', findings: ['xss/script'] },
    );
    expect(quiet).toEqual([]);
    const [incident, ...others] = feed({
      id: 'last',
      time: T0 + 5,
      ip: '192.0.2.7',
      findings: ['sqli/tautology'],
    });
    expect(others).toEqual([]);
    expect(incident).toMatchObject({
      id: 'inc-1',
      kind: 'client',
      status: 'open',
      severity: 'low',
      site: 'shop',
      clients: ['192.0.2.7'],
      fingerprints: ['fp-192.0.2.7'],
      categories: ['sqli', 'xss'],
      eventCount: 3,
      firstSeen: T0 + 3,
      lastSeen: T0 + 5,
      campaign: null,
      title: 'sqli, xss from 192.0.2.7',
    });
    expect(incident!.events[0]).toBe('last');
  });

  it('calls findings of the scanner alone a scan, and joins another address with the same fingerprint', () => {
    const { feed } = correlator();
    feed(probe('192.0.2.1', 0), probe('192.0.2.1', 1), probe('192.0.2.1', 2));
    const [scan] = feed(probe('192.0.2.2', 3, { fingerprint: 'fp-192.0.2.1' }));
    expect(scan).toMatchObject({ kind: 'scan', clients: ['192.0.2.1', '192.0.2.2'], eventCount: 4 });
    expect(scan!.title).toBe('Scan from 2 addresses');
  });

  it('makes one campaign of a payload family sent from many addresses, and none per address', () => {
    const { feed } = correlator();
    const ips = Array.from({ length: 20 }, (_, i) => `198.51.100.${i + 1}`);
    const specs = [0, 1, 2, 3].flatMap((round) => ips.map((ip, i) => probe(ip, round * 20 + i)));
    const incidents = feed(...specs);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      kind: 'campaign',
      campaign: 'shop:scanner',
      eventCount: 80,
      status: 'open',
      title: 'Campaign of scanner from 20 addresses on shop',
    });
    expect([...incidents[0]!.clients].sort()).toEqual([...ips].sort());
  });

  it('folds the incidents of addresses that turn out to be one campaign into it', () => {
    const { feed } = correlator();
    const ips = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];
    const incidents = feed(...ips.flatMap((ip, c) => [0, 1, 2].map((i) => probe(ip, c * 3 + i))));
    const campaign = incidents.find((i) => i.kind === 'campaign')!;
    expect(campaign).toMatchObject({ id: 'inc-1', eventCount: 15, status: 'open' });
    expect([...campaign.clients].sort()).toEqual(ips);
    const merged = incidents.filter((i) => i !== campaign);
    expect(merged.map((i) => [i.status, i.summary])).toEqual([
      ['resolved', 'Merged into inc-1.'],
      ['resolved', 'Merged into inc-1.'],
      ['resolved', 'Merged into inc-1.'],
    ]);
  });

  it('sees a credential-stuffing run, and makes it critical when a login gets in', () => {
    const { feed } = correlator();
    const attempt = (i: number, status: number) => ({
      time: T0 + i * 500,
      ip: '203.0.113.50',
      method: 'POST',
      path: '/login',
      status,
    });
    expect(feed(...Array.from({ length: 9 }, (_, i) => attempt(i, 401)))).toEqual([]);
    const [run] = feed(attempt(9, 401));
    expect(run).toMatchObject({
      kind: 'credential-stuffing',
      severity: 'medium',
      categories: ['credential-stuffing'],
      eventCount: 10,
      title: 'Credential stuffing from 203.0.113.50',
    });
    const [won] = feed(attempt(10, 302));
    expect(won).toMatchObject({ severity: 'critical', eventCount: 11 });
  });

  it('contains an incident once every client is banned or trapped, reopens and resolves it', () => {
    const { engine, feed, take } = correlator({ resolveAfterMs: 60_000 });
    feed(probe('192.0.2.1', 0), probe('192.0.2.1', 1), probe('192.0.2.1', 2));
    feed(probe('192.0.2.2', 3, { fingerprint: 'fp-192.0.2.1' }));
    engine.observeDecision(decision('192.0.2.1', { expires: T0 + 3_600_000 }));
    expect(take()[0]).toMatchObject({ status: 'open', decisions: ['d-192.0.2.1'] });
    const session = {
      id: 'abcd0123',
      site: 'shop',
      client: { ip: '192.0.2.2', prefix: '192.0.2.2' },
      lastSeen: T0 + 4000,
    };
    engine.observeSession(session as IntruderSession);
    expect(take()[0]!.status).toBe('contained');
    // The banned client knocking again changes nothing; a new client with the same tool reopens it.
    feed(probe('192.0.2.1', 5, { findings: [], action: 'block', reason: 'decision/ban' }));
    expect(take()[0]).toMatchObject({ status: 'contained', eventCount: 5 });
    feed(probe('192.0.2.3', 6, { fingerprint: 'fp-192.0.2.1' }));
    expect(take()[0]!.status).toBe('open');
    engine.sweep(T0 + 6000 + 59_999);
    expect(take()[0]!.status).toBe('open');
    engine.sweep(T0 + 6000 + 60_000);
    expect(take()[0]!.status).toBe('resolved');
    // Resolved is over: the same client starts a new story, held from the start by the ban still in force.
    feed(probe('192.0.2.1', 100), probe('192.0.2.1', 101), probe('192.0.2.1', 102));
    expect(take().map((i) => [i.id, i.status])).toEqual([
      ['inc-1', 'resolved'],
      ['inc-2', 'contained'],
    ]);
  });

  it('holds clients under a range decision, and lets a hold lapse', () => {
    const { engine, feed, take } = correlator();
    feed(probe('198.51.100.9', 0), probe('198.51.100.9', 1), probe('198.51.100.9', 2));
    engine.observeDecision(decision('198.51.100.0/24', { expires: T0 + 10_000 }));
    engine.sweep(T0 + 5000);
    expect(take()[0]!.status).toBe('contained');
    engine.sweep(T0 + 10_000);
    expect(take()[0]!.status).toBe('open');
  });

  it('links a canary used from another address to the intruder’s incident, and makes it critical', () => {
    const { engine, feed, take } = correlator();
    const sqli = { findings: ['sqli/union'] };
    feed(probe('192.0.2.1', 0, sqli), probe('192.0.2.1', 1, sqli), probe('192.0.2.1', 2, sqli));
    const session = {
      id: 'feedbeef',
      site: 'shop',
      client: { ip: '192.0.2.1', prefix: '192.0.2.1' },
      lastSeen: T0,
    };
    engine.observeSession(session as IntruderSession);
    engine.observeCanary({
      time: T0 + 5000,
      requestId: 'r',
      site: 'shop',
      kind: 'aws-key',
      intruder: 'feedbeef',
      client: { ip: '203.0.113.77', prefix: '203.0.113.77', fingerprint: '', userAgent: 'x' },
      location: 'header.authorization',
    });
    const [incident] = take();
    expect(incident).toMatchObject({
      kind: 'canary',
      severity: 'critical',
      clients: ['192.0.2.1', '203.0.113.77'],
      categories: ['sqli', 'canary'],
      eventCount: 3,
      title: 'Decoy data used by 2 addresses',
    });
  });

  it('takes in the intruder’s events not yet an incident when its canary comes back', () => {
    const { engine, feed, take } = correlator();
    feed(probe('192.0.2.1', 0, { findings: ['sqli/union'] }));
    engine.observeSession({
      id: 'feedbeef',
      site: 'shop',
      client: { prefix: '192.0.2.1' },
      lastSeen: T0,
    } as IntruderSession);
    engine.observeCanary({
      time: T0 + 5000,
      requestId: 'r',
      site: 'shop',
      kind: 'aws-key',
      intruder: 'feedbeef',
      client: { ip: '192.0.2.1', prefix: '192.0.2.1', fingerprint: '', userAgent: 'x' },
      location: 'header.authorization',
    });
    expect(take()).toMatchObject([
      { kind: 'canary', severity: 'high', clients: ['192.0.2.1'], eventCount: 1 },
    ]);
  });

  it('opens a canary incident for a canary from an intruder it has no incident about', () => {
    const { engine, take } = correlator();
    engine.observeCanary({
      time: T0,
      requestId: 'r',
      site: 'blog',
      kind: 'jwt',
      intruder: 'unknown1',
      client: { ip: '203.0.113.8', prefix: '203.0.113.8', fingerprint: '', userAgent: 'x' },
      location: 'target',
    });
    expect(take()).toMatchObject([
      { kind: 'canary', severity: 'high', site: 'blog', clients: ['203.0.113.8'] },
    ]);
  });

  it('announces only what matters at once, and gives counts on request', () => {
    const { engine } = correlator();
    for (let i = 0; i < 3; i++) engine.observeEvent(eventOf(probe('192.0.2.1', i)));
    expect(engine.takeNotable()).toHaveLength(1);
    engine.observeEvent(eventOf(probe('192.0.2.1', 3)));
    expect(engine.takeNotable()).toEqual([]);
    expect(engine.takeDirty().map((i) => i.eventCount)).toEqual([4]);
    expect(engine.takeDirty()).toEqual([]);
  });

  it('goes on with a stored incident, and never lowers its severity', () => {
    const { engine, feed } = correlator();
    engine.load({
      id: 'stored-1',
      title: 't',
      kind: 'scan',
      severity: 'high',
      status: 'open',
      site: 'shop',
      clients: ['192.0.2.1'],
      fingerprints: ['fp-192.0.2.1'],
      categories: ['scanner'],
      events: ['old'],
      eventCount: 7,
      decisions: [],
      campaign: null,
      firstSeen: T0 - 1000,
      lastSeen: T0 - 500,
      summary: 'written by hand',
    });
    expect(engine.active).toBe(1);
    const [incident] = feed(probe('192.0.2.1', 1));
    expect(incident).toMatchObject({
      id: 'stored-1',
      eventCount: 8,
      severity: 'high',
      summary: 'written by hand',
    });
    expect(incident!.events).toEqual([expect.any(String), 'old']);
  });

  it('follows at most maxActive incidents, resolving the one quiet the longest', () => {
    const { engine, feed } = correlator({ maxActive: 2, clientMinEvents: 1 });
    const incidents = feed(probe('192.0.2.1', 0), probe('192.0.2.2', 1), probe('192.0.2.3', 2));
    expect(engine.active).toBe(2);
    expect(incidents.map((i) => [i.clients[0], i.status])).toEqual([
      ['192.0.2.1', 'resolved'],
      ['192.0.2.2', 'open'],
      ['192.0.2.3', 'open'],
    ]);
  });
});
