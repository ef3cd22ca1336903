import type { SecurityEvent } from '../../../core/index.js';
import type { Alert, AlertSeverity } from '../alert.js';
import { type AlertRule, NO_ALERTS } from '../alert-rule.js';
import { cleanText, pathOnly } from '../clean-text.js';
import { checkNumber, checkSeverity } from './check-option.js';
import { SiteStates } from './site-states.js';
import { SlidingCounter } from './sliding-counter.js';

/** Options of the `attack-wave` rule. */
export interface AttackWaveOptions {
  /** Window the attack rate is measured over, milliseconds. Default 60,000. */
  readonly windowMs: number;
  /** Attacks within the window that start a wave, at least. Default 100. */
  readonly minAttacks: number;
  /** …and at least this many times the site's trailing average per window. Default 5. */
  readonly factor: number;
  /** Trailing period the average is taken over, milliseconds; at least two windows. Default 3,600,000. */
  readonly baselineMs: number;
  /** Severity of its alerts. Default `warning`. */
  readonly severity: AlertSeverity;
  /** Sites tracked at most (the least recently seen goes). Default 10,000. */
  readonly maxSites: number;
}

/** Defaults of the `attack-wave` rule. */
export const ATTACK_WAVE_DEFAULTS: AttackWaveOptions = {
  windowMs: 60_000,
  minAttacks: 100,
  factor: 5,
  baselineMs: 3_600_000,
  severity: 'warning',
  maxSites: 10_000,
};

interface Wave {
  readonly subject: string;
}

interface SiteWaves {
  readonly current: SlidingCounter;
  readonly baseline: SlidingCounter;
  wave: Wave | undefined;
}

/**
 * An attack: a request the gateway stopped (blocked, or sent into the maze or the tarpit), or one it would have
 * stopped in detect-only mode. A finding too weak to act on is not one: ordinary traffic has a few.
 */
const isAttack = (event: SecurityEvent) => {
  const { action, findings } = event.verdict;
  return (
    action === 'block' ||
    action === 'labyrinth' ||
    action === 'tarpit' ||
    (action === 'log' && findings.length > 0)
  );
};

/**
 * Raises alerts while a site is under a wave of attacks: at least `minAttacks` in the window and `factor` times
 * its trailing average. Every attack of a wave raises one, grouped by the wave (site and start), so the first
 * is sent and the rest are folded; the wave ends when the rate falls under half of either threshold (so a rate
 * that lasts becomes the site's normal). Until the site has a window of history, `minAttacks` alone decides.
 * @example createAttackWaveRule({ minAttacks: 300 }).observe({ kind: 'event', event }, event.time)
 */
export function createAttackWaveRule(options: Partial<AttackWaveOptions> = {}): AlertRule {
  const o = { ...ATTACK_WAVE_DEFAULTS, ...options };
  checkNumber('attack-wave', 'windowMs', o.windowMs, 1000);
  checkNumber('attack-wave', 'minAttacks', o.minAttacks, 1);
  checkNumber('attack-wave', 'factor', o.factor, 1);
  checkNumber('attack-wave', 'baselineMs', o.baselineMs, 2 * o.windowMs);
  checkNumber('attack-wave', 'maxSites', o.maxSites, 1, true);
  checkSeverity('attack-wave', 'severity', o.severity);
  const sites = new SiteStates<SiteWaves>(o.maxSites, () => ({
    current: new SlidingCounter(o.windowMs, 12),
    baseline: new SlidingCounter(o.baselineMs, 60),
    wave: undefined,
  }));
  const windowSeconds = Math.round(o.windowMs / 1000);

  /** The site's trailing average per window, leaving out the current one; 0 until there is a window of it. */
  function average(state: SiteWaves, now: number, inWindow: number): number {
    const windows = (state.baseline.span(now) - o.windowMs) / o.windowMs;
    return windows >= 1 ? Math.max(0, state.baseline.total(now) - inWindow) / windows : 0;
  }

  /** Whether `inWindow` attacks are a wave over `trailing`, with both thresholds divided by `slack`. */
  const isWave = (inWindow: number, trailing: number, slack: number) =>
    inWindow >= o.minAttacks / slack && inWindow >= (o.factor * trailing) / slack;

  function alert(event: SecurityEvent, wave: Wave, inWindow: number, trailing: number): Alert {
    const site = cleanText(event.site, 100);
    return {
      rule: 'attack-wave',
      severity: o.severity,
      site,
      subject: wave.subject,
      time: event.time,
      title: `Attack wave on ${site}: ${inWindow} attacks in ${windowSeconds} s`,
      facts: [
        { label: 'Attacks in window', value: String(inWindow) },
        { label: 'Trailing average per window', value: trailing.toFixed(1) },
        { label: 'Latest client', value: cleanText(event.client.ip, 64) },
        { label: 'Latest reason', value: cleanText(event.verdict.reason, 80) },
        { label: 'Latest path', value: pathOnly(event.request.path, 120) },
      ],
    };
  }

  return {
    name: 'attack-wave',
    observe(signal, now) {
      if (signal.kind !== 'event' || !isAttack(signal.event)) return NO_ALERTS;
      const { event } = signal;
      const state = sites.get(event.site);
      const before = state.current.total(now);
      if (state.wave !== undefined && !isWave(before, average(state, now, before), 2)) state.wave = undefined;
      state.current.add(now);
      state.baseline.add(now);
      const inWindow = before + 1;
      const trailing = average(state, now, inWindow);
      if (state.wave === undefined) {
        if (!isWave(inWindow, trailing, 1)) return NO_ALERTS;
        state.wave = { subject: `wave-${new Date(now).toISOString()}` };
      }
      return [alert(event, state.wave, inWindow, trailing)];
    },
  };
}
