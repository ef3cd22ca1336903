import type { AlertSeverity } from '../alert.js';
import { type AlertRule, NO_ALERTS } from '../alert-rule.js';
import { cleanText } from '../clean-text.js';
import { checkSeverity } from './check-option.js';

/** Options of the `canary-used` rule. */
export interface CanaryUsedOptions {
  /** Severity of its alerts. Default `critical`: only someone holding a decoy secret can send one back. */
  readonly severity: AlertSeverity;
}

/** Defaults of the `canary-used` rule. */
export const CANARY_USED_DEFAULTS: CanaryUsedOptions = { severity: 'critical' };

/**
 * Raises an alert for every canary that comes back (topic `labyrinth.canary`), grouped by the intruder it was
 * served to: one intruder replaying its loot ten thousand times is one alert.
 * @example createCanaryUsedRule().observe({ kind: 'canary', use }, Date.now())
 */
export function createCanaryUsedRule(options: Partial<CanaryUsedOptions> = {}): AlertRule {
  const { severity } = { ...CANARY_USED_DEFAULTS, ...options };
  checkSeverity('canary-used', 'severity', severity);
  return {
    name: 'canary-used',
    observe(signal) {
      if (signal.kind !== 'canary') return NO_ALERTS;
      const { use } = signal;
      const site = cleanText(use.site, 100);
      return [
        {
          rule: 'canary-used',
          severity,
          site,
          subject: cleanText(use.intruder, 64),
          time: use.time,
          title: `A decoy secret from the labyrinth was used on ${site}`,
          facts: [
            { label: 'Intruder', value: cleanText(use.intruder, 64) },
            { label: 'Canary kind', value: cleanText(use.kind, 40) },
            { label: 'Found in', value: cleanText(use.location, 80) },
            { label: 'Client', value: cleanText(use.client.ip, 64) },
            { label: 'User agent', value: cleanText(use.client.userAgent, 160) },
            { label: 'Request id', value: cleanText(use.requestId, 80) },
          ],
        },
      ];
    },
  };
}
