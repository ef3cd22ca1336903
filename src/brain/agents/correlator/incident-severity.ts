import type { IncidentKind, IncidentSeverity } from '../../../core/index.js';

/** What an incident's severity is judged from. */
export interface SeverityFacts {
  readonly kind: IncidentKind;
  readonly eventCount: number;
  readonly clients: number;
  readonly categories: number;
  /** Hostile requests that reached the upstream and were answered without an error. */
  readonly passed: number;
  readonly canaryUsed: boolean;
  /** A canary came back from another address than the intruder it was served to. */
  readonly canaryElsewhere: boolean;
  /** A login succeeded from a client of a credential-stuffing incident. */
  readonly loginSucceeded: boolean;
}

const LEVELS: readonly IncidentSeverity[] = ['low', 'medium', 'high', 'critical'];

const steps = (value: number, thresholds: readonly number[]) => thresholds.filter((t) => value >= t).length;

/**
 * An incident's severity: points for volume (10, 100, 1,000 events), spread (5, 50 addresses), variety (2, 4
 * categories) and 2 for any attack that got through; 0–1 low, 2–3 medium, 4–5 high, 6 and more critical.
 * Floors: a campaign or a credential-stuffing run is at least medium, a canary used at least high; a canary
 * used from another address, or a login won during credential stuffing, is critical.
 * @example incidentSeverity({ kind: 'client', eventCount: 120, clients: 1, categories: 2, ... }) // 'medium'
 */
export function incidentSeverity(facts: SeverityFacts): IncidentSeverity {
  if (facts.canaryElsewhere || (facts.loginSucceeded && facts.kind === 'credential-stuffing'))
    return 'critical';
  const points =
    steps(facts.eventCount, [10, 100, 1000]) +
    steps(facts.clients, [5, 50]) +
    steps(facts.categories, [2, 4]) +
    (facts.passed > 0 ? 2 : 0);
  let level = points >= 6 ? 3 : points >= 4 ? 2 : points >= 2 ? 1 : 0;
  if (facts.kind === 'campaign' || facts.kind === 'credential-stuffing') level = Math.max(level, 1);
  if (facts.canaryUsed) level = Math.max(level, 2);
  return LEVELS[level]!;
}

/** The more severe of two severities. */
export const worseSeverity = (a: IncidentSeverity, b: IncidentSeverity): IncidentSeverity =>
  LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
