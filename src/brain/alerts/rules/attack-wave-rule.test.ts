import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../../core/index.js';
import { securityEvent } from '../../../store/security-event-fixture.testing.js';
import type { Alert } from '../alert.js';
import { createAttackWaveRule } from './attack-wave-rule.js';

let seq = 0;
const attack = (time: number, site = 'shop'): SecurityEvent =>
  securityEvent({ id: `e${seq++}`, time, site, analyzers: ['sqli'], action: 'block', path: '/q?token=abc' });

/** Feeds `perMinute` attacks spread evenly over each minute from `from`, for `minutes`; returns the alerts. */
function feed(
  rule: ReturnType<typeof createAttackWaveRule>,
  from: number,
  minutes: number,
  perMinute: number,
) {
  const alerts: Alert[] = [];
  for (let m = 0; m < minutes; m++)
    for (let i = 0; i < perMinute; i++) {
      const t = from + m * 60_000 + Math.floor((i * 60_000) / perMinute);
      alerts.push(...rule.observe({ kind: 'event', event: attack(t) }, t));
    }
  return alerts;
}

describe('attack-wave rule', () => {
  it('starts a wave at minAttacks in the window, then raises one alert per attack of the same wave', () => {
    const rule = createAttackWaveRule({ minAttacks: 10 });
    const alerts: Alert[] = [];
    for (let i = 0; i < 9; i++) alerts.push(...rule.observe({ kind: 'event', event: attack(i) }, i));
    expect(alerts).toEqual([]);
    for (let i = 9; i < 15; i++) alerts.push(...rule.observe({ kind: 'event', event: attack(i) }, i));
    expect(alerts).toHaveLength(6);
    expect(new Set(alerts.map((a) => a.subject)).size).toBe(1);
    expect(alerts[0]).toMatchObject({ rule: 'attack-wave', severity: 'warning', site: 'shop' });
    expect(alerts[0]?.title).toBe('Attack wave on shop: 10 attacks in 60 s');
    expect(alerts[0]?.facts).toContainEqual({ label: 'Latest path', value: '/q?…' });
  });

  it('counts only attacks, per site', () => {
    const rule = createAttackWaveRule({ minAttacks: 3 });
    const benign = securityEvent({ id: 'b', time: 0 });
    // A finding too weak to act on (the request was let through) is not an attack; one in detect-only mode is.
    const weak = securityEvent({ id: 'w', time: 0, analyzers: ['protocol'], action: 'allow' });
    for (let i = 0; i < 10; i++) expect(rule.observe({ kind: 'event', event: benign }, i)).toEqual([]);
    for (let i = 0; i < 10; i++) expect(rule.observe({ kind: 'event', event: weak }, i)).toEqual([]);
    const logged = securityEvent({ id: 'l', time: 0, site: 'c', analyzers: ['sqli'], action: 'log' });
    for (let i = 0; i < 2; i++) expect(rule.observe({ kind: 'event', event: logged }, i)).toEqual([]);
    expect(rule.observe({ kind: 'event', event: logged }, 2)).toHaveLength(1);
    expect(rule.observe({ kind: 'event', event: attack(0, 'a') }, 0)).toEqual([]);
    expect(rule.observe({ kind: 'event', event: attack(0, 'b') }, 0)).toEqual([]);
    expect(rule.observe({ kind: 'event', event: attack(0, 'a') }, 0)).toEqual([]);
    expect(rule.observe({ kind: 'event', event: attack(0, 'a') }, 0)).toHaveLength(1);
  });

  it('needs the rate to be factor times the trailing average once the site has history', () => {
    const rule = createAttackWaveRule({ minAttacks: 10, factor: 5 });
    const start = 1_700_000_000_000;
    // A quiet background under minAttacks, then a steady 30 a minute: over minAttacks, under 5× the average.
    expect(feed(rule, start, 30, 8)).toEqual([]);
    expect(feed(rule, start + 30 * 60_000, 1, 30)).toEqual([]);
    const wave = feed(rule, start + 31 * 60_000, 2, 200);
    expect(wave.length).toBeGreaterThan(300);
    expect(new Set(wave.map((a) => a.subject)).size).toBe(1);
    // After a quiet time the wave is over: the next one has a subject of its own.
    const next = feed(rule, start + 60 * 60_000, 1, 200);
    expect(next.length).toBeGreaterThan(0);
    expect(next[0]?.subject).not.toBe(wave[0]?.subject);
  });

  it('lets a lasting rate become the normal: it stops raising alerts', () => {
    const rule = createAttackWaveRule({ minAttacks: 10, factor: 5 });
    const alerts = feed(rule, 0, 30, 50);
    // The first window has no history, so it is a wave; once it has, 50 a minute is the site's average.
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.time < 3 * 60_000)).toBe(true);
  });

  it('refuses options out of bounds', () => {
    expect(() => createAttackWaveRule({ minAttacks: 0 })).toThrow(/minAttacks/);
    expect(() => createAttackWaveRule({ windowMs: 60_000, baselineMs: 60_000 })).toThrow(/baselineMs/);
    expect(() => createAttackWaveRule({ factor: Number.NaN })).toThrow(/factor/);
  });
});
