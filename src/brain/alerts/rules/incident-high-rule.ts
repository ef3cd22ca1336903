import {
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type IncidentSeverity,
  type IncidentStatus,
} from '../../../core/index.js';
import type { AlertSeverity } from '../alert.js';
import { type AlertRule, NO_ALERTS } from '../alert-rule.js';
import { cleanText } from '../clean-text.js';
import { checkSeverity } from './check-option.js';

/** Options of the `incident-high` rule. */
export interface IncidentHighOptions {
  /** Incident severities that alert. Default `['high', 'critical']`. */
  readonly severities: readonly IncidentSeverity[];
  /** Incident statuses that alert. Default `['open']`: a contained incident has every client held already. */
  readonly statuses: readonly IncidentStatus[];
  /** Alert severity for a listed incident below `critical`. Default `warning`. */
  readonly highSeverity: AlertSeverity;
  /** Alert severity for a `critical` incident. Default `critical`. */
  readonly criticalSeverity: AlertSeverity;
}

/** Defaults of the `incident-high` rule. */
export const INCIDENT_HIGH_DEFAULTS: IncidentHighOptions = {
  severities: ['high', 'critical'],
  statuses: ['open'],
  highSeverity: 'warning',
  criticalSeverity: 'critical',
};

const LABELS: Readonly<Record<IncidentSeverity, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

const list = (values: readonly string[], max: number) =>
  values.length === 0
    ? '-'
    : cleanText(
        values
          .slice(0, max)
          .map((v) => cleanText(v, 64))
          .join(', ') + (values.length > max ? `, +${values.length - max}` : ''),
        400,
      );

/**
 * Raises an alert for an incident of a listed severity and status, grouped by incident: the correlator hands
 * the same incident over at every change (topic `brain.incident`), and the group folds them.
 * @example createIncidentHighRule().observe({ kind: 'incident', incident }, Date.now())
 */
export function createIncidentHighRule(options: Partial<IncidentHighOptions> = {}): AlertRule {
  const o = { ...INCIDENT_HIGH_DEFAULTS, ...options };
  if (!Array.isArray(o.severities) || o.severities.some((s) => !INCIDENT_SEVERITIES.includes(s)))
    throw new TypeError(
      `brain.alerts: incident-high: severities must list ${INCIDENT_SEVERITIES.join(', ')}`,
    );
  if (!Array.isArray(o.statuses) || o.statuses.some((s) => !INCIDENT_STATUSES.includes(s)))
    throw new TypeError(`brain.alerts: incident-high: statuses must list ${INCIDENT_STATUSES.join(', ')}`);
  checkSeverity('incident-high', 'highSeverity', o.highSeverity);
  checkSeverity('incident-high', 'criticalSeverity', o.criticalSeverity);
  const severities = new Set(o.severities);
  const statuses = new Set(o.statuses);
  return {
    name: 'incident-high',
    observe(signal, now) {
      if (signal.kind !== 'incident') return NO_ALERTS;
      const { incident } = signal;
      if (!statuses.has(incident.status) || !severities.has(incident.severity)) return NO_ALERTS;
      const site = cleanText(incident.site, 100);
      return [
        {
          rule: 'incident-high',
          severity: incident.severity === 'critical' ? o.criticalSeverity : o.highSeverity,
          site,
          subject: cleanText(incident.id, 80),
          time: Number.isFinite(incident.lastSeen) ? incident.lastSeen : now,
          title: `${LABELS[incident.severity] ?? 'An'} incident on ${site}: ${cleanText(incident.title, 120)}`,
          facts: [
            { label: 'Incident', value: cleanText(incident.id, 80) },
            { label: 'Severity', value: cleanText(incident.severity, 20) },
            { label: 'Kind', value: cleanText(incident.kind, 40) },
            { label: 'Status', value: cleanText(incident.status, 20) },
            { label: 'Events', value: String(incident.eventCount) },
            { label: 'Categories', value: list(incident.categories, 8) },
            { label: 'Clients', value: list(incident.clients, 5) },
            {
              label: 'Campaign',
              value: incident.campaign === null ? '-' : cleanText(incident.campaign, 120),
            },
            { label: 'Summary', value: incident.summary === '' ? '-' : cleanText(incident.summary, 500) },
          ],
        },
      ];
    },
  };
}
