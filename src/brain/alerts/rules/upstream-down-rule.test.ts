import { describe, expect, it } from 'vitest';
import type { ResponseSummary, SecurityEvent } from '../../../core/index.js';
import { securityEvent } from '../../../store/security-event-fixture.testing.js';
import type { Alert } from '../alert.js';
import { createUpstreamDownRule, type UpstreamDownOptions } from './upstream-down-rule.js';

let seq = 0;
const withResponse = (time: number, response: Partial<ResponseSummary>, site = 'shop'): SecurityEvent => {
  const event = securityEvent({ id: `e${seq++}`, time, site });
  return { ...event, response: { ...event.response, ...response } };
};
const ok = (time: number) => withResponse(time, {});
const unreachable = (time: number) =>
  withResponse(time, { status: 502, origin: 'gateway', upstreamMs: null, error: 'upstream-unreachable' });

function run(options: Partial<UpstreamDownOptions>, events: SecurityEvent[]): Alert[] {
  const rule = createUpstreamDownRule(options);
  return events.flatMap((event) => rule.observe({ kind: 'event', event }, event.time));
}

describe('upstream-down rule', () => {
  it('raises alerts once failures reach minFailures and the ratio, all of one outage', () => {
    const events = [
      ...Array.from({ length: 5 }, (_, i) => ok(i)),
      ...Array.from({ length: 12 }, (_, i) => unreachable(10 + i)),
    ];
    const alerts = run({ minFailures: 10, ratio: 0.5 }, events);
    expect(alerts).toHaveLength(3);
    expect(new Set(alerts.map((a) => a.subject)).size).toBe(1);
    expect(alerts[0]).toMatchObject({ rule: 'upstream-down', severity: 'critical', site: 'shop' });
    expect(alerts[0]?.title).toBe('The upstream of shop is failing: 10 of 15 forwards in 60 s');
    expect(alerts[0]?.facts).toContainEqual({ label: 'Latest failure', value: 'upstream-unreachable' });
  });

  it('counts 502, 503 and 504 from the upstream, and timeouts, as failures', () => {
    const events = [
      withResponse(0, { status: 503 }),
      withResponse(1, { status: 504 }),
      withResponse(2, { status: 502 }),
      withResponse(3, { status: 504, origin: 'gateway', error: 'upstream-timeout' }),
    ];
    const alerts = run({ minFailures: 4 }, events);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.facts).toContainEqual({ label: 'Latest failure', value: 'upstream-timeout' });
  });

  it('stays quiet below the ratio, and for what the gateway answered itself', () => {
    const mixed = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? unreachable(i) : ok(i)));
    expect(run({ minFailures: 10, ratio: 0.5 }, mixed)).toEqual([]);
    const blocked = Array.from({ length: 50 }, (_, i) =>
      withResponse(i, { status: 503, origin: 'gateway', upstreamMs: null }),
    );
    expect(run({ minFailures: 10 }, blocked)).toEqual([]);
  });

  it('says when the upstream answers again, and the next outage is another group', () => {
    const down = (from: number) => Array.from({ length: 10 }, (_, i) => unreachable(from + i));
    const up = (from: number) => Array.from({ length: 40 }, (_, i) => ok(from + i));
    const alerts = run({ minFailures: 10, ratio: 0.5 }, [...down(0), ...up(100), ...down(200_000)]);
    const kinds = alerts.map(
      (a) => `${a.severity}:${a.subject.endsWith('-recovered') ? 'recovered' : 'down'}`,
    );
    expect(kinds).toEqual(['critical:down', 'info:recovered', 'critical:down']);
    expect(alerts[0]?.subject).not.toBe(alerts[2]?.subject);
    expect(alerts[1]?.title).toBe('The upstream of shop answers again');
    expect(run({ minFailures: 10, notifyRecovery: false }, [...down(0), ...up(100)])).toHaveLength(1);
  });

  it('refuses a ratio over 1', () => {
    expect(() => createUpstreamDownRule({ ratio: 1.5 })).toThrow(/ratio/);
  });
});
