import type { CanaryUse } from '../../core/index.js';
import type { Alert, AlertMessage } from './alert.js';
import { alertGroupKey } from './alert.js';

/** An alert for tests; every field can be replaced. */
export function sampleAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    rule: 'canary-used',
    severity: 'critical',
    site: 'shop',
    subject: '1a2b3c4d',
    time: Date.UTC(2025, 0, 1, 10, 0, 0),
    title: 'A decoy secret from the labyrinth was used on shop',
    facts: [
      { label: 'Intruder', value: '1a2b3c4d' },
      { label: 'Client', value: '198.51.100.7' },
    ],
    ...overrides,
  };
}

/** The message the first alert of a group makes. */
export function firstMessage(alert: Alert): AlertMessage {
  return {
    kind: 'alert',
    groupKey: alertGroupKey(alert),
    alert,
    more: 0,
    firstTime: alert.time,
    lastTime: alert.time,
  };
}

/** A canary use for tests, by the intruder it was served to. */
export function canaryUse(intruder: string, time: number, overrides: Partial<CanaryUse> = {}): CanaryUse {
  return {
    time,
    requestId: `req-${time}`,
    site: 'shop',
    kind: 'aws-key',
    intruder,
    client: {
      ip: '198.51.100.7',
      prefix: '198.51.100.7',
      fingerprint: 'fp',
      userAgent: 'python-requests/2.32',
    },
    location: 'header.authorization',
    ...overrides,
  };
}
