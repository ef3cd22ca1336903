import type { SecurityEvent } from '../../../core/index.js';
import type { Alert, AlertSeverity } from '../alert.js';
import { type AlertRule, NO_ALERTS } from '../alert-rule.js';
import { cleanText } from '../clean-text.js';
import { checkNumber, checkSeverity } from './check-option.js';
import { SiteStates } from './site-states.js';
import { SlidingCounter } from './sliding-counter.js';

/** Options of the `upstream-down` rule. */
export interface UpstreamDownOptions {
  /** Window failures are counted over, milliseconds. Default 60,000. */
  readonly windowMs: number;
  /** Failed forwards within the window that make an outage, at least. Default 10. */
  readonly minFailures: number;
  /** …and at least this share of the forwards in the window (0..1). Default 0.5. */
  readonly ratio: number;
  /**
   * `response.error` values that count as a failure of the upstream. Default `upstream-unreachable`,
   * `upstream-timeout`, `upstream-unavailable`, `upstream-broken`.
   */
  readonly errors: readonly string[];
  /** Statuses from the upstream that count as a failure (its own proxy failing). Default 502, 503, 504. */
  readonly statuses: readonly number[];
  /** Also raise an `info` alert when the outage is over. Default true. */
  readonly notifyRecovery: boolean;
  /** Severity of its outage alerts. Default `critical`. */
  readonly severity: AlertSeverity;
  /** Sites tracked at most (the least recently seen goes). Default 10,000. */
  readonly maxSites: number;
}

/** Defaults of the `upstream-down` rule. */
export const UPSTREAM_DOWN_DEFAULTS: UpstreamDownOptions = {
  windowMs: 60_000,
  minFailures: 10,
  ratio: 0.5,
  errors: ['upstream-unreachable', 'upstream-timeout', 'upstream-unavailable', 'upstream-broken'],
  statuses: [502, 503, 504],
  notifyRecovery: true,
  severity: 'critical',
  maxSites: 10_000,
};

interface SiteForwards {
  readonly forwards: SlidingCounter;
  readonly failures: SlidingCounter;
  /** The outage under way: its subject and start, or undefined. */
  outage: { readonly subject: string } | undefined;
}

/**
 * Raises alerts while a site's upstream fails: at least `minFailures` failed forwards in the window, making at
 * least `ratio` of them. Every failure of an outage raises one, grouped by the outage, so the first is sent
 * and the rest folded; the outage is over when failures fall under half of either threshold.
 * @example createUpstreamDownRule({ minFailures: 20 }).observe({ kind: 'event', event }, event.time)
 */
export function createUpstreamDownRule(options: Partial<UpstreamDownOptions> = {}): AlertRule {
  const o = { ...UPSTREAM_DOWN_DEFAULTS, ...options };
  checkNumber('upstream-down', 'windowMs', o.windowMs, 1000);
  checkNumber('upstream-down', 'minFailures', o.minFailures, 1);
  checkNumber('upstream-down', 'ratio', o.ratio, 0);
  if (o.ratio > 1) throw new TypeError('brain.alerts: upstream-down: ratio must be at most 1');
  checkNumber('upstream-down', 'maxSites', o.maxSites, 1, true);
  checkSeverity('upstream-down', 'severity', o.severity);
  const errors = new Set(o.errors);
  const statuses = new Set(o.statuses);
  const sites = new SiteStates<SiteForwards>(o.maxSites, () => ({
    forwards: new SlidingCounter(o.windowMs, 12),
    failures: new SlidingCounter(o.windowMs, 12),
    outage: undefined,
  }));
  const windowSeconds = Math.round(o.windowMs / 1000);

  /** Why the event failed, or '' when the upstream answered it. */
  const failureOf = (event: SecurityEvent): string => {
    const { response } = event;
    if (response.error !== undefined && errors.has(response.error)) return response.error;
    if (response.origin === 'upstream' && statuses.has(response.status)) return `status ${response.status}`;
    return '';
  };

  function alert(event: SecurityEvent, subject: string, failure: string, failures: number, forwards: number) {
    const site = cleanText(event.site, 100);
    const recovered = failure === '';
    return [
      {
        rule: 'upstream-down',
        severity: recovered ? 'info' : o.severity,
        site,
        subject,
        time: event.time,
        title: recovered
          ? `The upstream of ${site} answers again`
          : `The upstream of ${site} is failing: ${failures} of ${forwards} forwards in ${windowSeconds} s`,
        facts: [
          { label: 'Failed forwards in window', value: `${failures} of ${forwards}` },
          { label: 'Window', value: `${windowSeconds} s` },
          { label: 'Latest failure', value: recovered ? '-' : cleanText(failure, 60) },
          { label: 'Host', value: cleanText(event.request.host, 120) },
        ],
      },
    ] satisfies Alert[];
  }

  return {
    name: 'upstream-down',
    observe(signal, now) {
      if (signal.kind !== 'event') return NO_ALERTS;
      const { event } = signal;
      const failure = failureOf(event);
      // Requests the gateway answered itself (blocked, challenged, trapped) never reached the upstream.
      if (failure === '' && event.response.origin !== 'upstream') return NO_ALERTS;
      const state = sites.get(event.site);
      state.forwards.add(now);
      if (failure !== '') state.failures.add(now);
      const forwards = state.forwards.total(now);
      const failures = state.failures.total(now);
      if (state.outage === undefined) {
        if (failure === '' || failures < o.minFailures || failures < o.ratio * forwards) return NO_ALERTS;
        state.outage = { subject: `outage-${new Date(now).toISOString()}` };
      } else if (failures < o.minFailures / 2 || failures < (o.ratio / 2) * forwards) {
        const { subject } = state.outage;
        state.outage = undefined;
        return o.notifyRecovery ? alert(event, `${subject}-recovered`, '', failures, forwards) : NO_ALERTS;
      }
      return failure === '' ? NO_ALERTS : alert(event, state.outage.subject, failure, failures, forwards);
    },
  };
}
