import { INCIDENT_SEVERITIES, type Incident } from '../../../core/index.js';
import type { Evidence, EvidenceDetail } from '../evidence.js';
import { detail, plural, utcTime } from '../evidence-text.js';
import { listed } from './listed.js';

const bySeverity = (incidents: readonly Incident[]) =>
  INCIDENT_SEVERITIES.toReversed()
    .map((s) => `${s} ${incidents.filter((i) => i.severity === s).length}`)
    .join(', ');

/**
 * The incidents not yet over: a critical one still open fails, a high one still open is a warn; contained
 * ones (every client held) are counted but judge nothing.
 */
export function incidentsEvidence(incidents: readonly Incident[]): Evidence {
  const base = { id: 'incidents', title: 'Incident handling' } as const;
  const open = incidents.filter((i) => i.status === 'open');
  const contained = incidents.filter((i) => i.status === 'contained');
  const oldest = open.reduce((min, i) => Math.min(min, i.firstSeen), Number.POSITIVE_INFINITY);
  const critical = open.filter((i) => i.severity === 'critical');
  const high = open.filter((i) => i.severity === 'high');
  const details: EvidenceDetail[] = [
    detail('open', `${open.length} (${bySeverity(open)})`),
    detail('contained', `${contained.length} (${bySeverity(contained)})`),
    ...(open.length > 0 ? [detail('oldest open since', utcTime(oldest))] : []),
    ...[...critical, ...high]
      .slice(0, 10)
      .map((i) =>
        detail(`open ${i.severity} incident ${i.id}`, `${i.title}, last seen ${utcTime(i.lastSeen)}`),
      ),
    detail('sites with open incidents', listed([...new Set(open.map((i) => i.site))])),
  ];
  const counts = `${plural(open.length, 'incident')} open, ${contained.length} contained`;
  if (critical.length > 0)
    return {
      ...base,
      status: 'fail',
      finding: `${counts}: ${plural(critical.length, 'critical incident is', 'critical incidents are')} still open.`,
      details,
    };
  if (high.length > 0)
    return {
      ...base,
      status: 'warn',
      finding: `${counts}: ${plural(high.length, 'high-severity incident is', 'high-severity incidents are')} still open.`,
      details,
    };
  return {
    ...base,
    status: 'pass',
    finding:
      open.length === 0
        ? `No incident is open; ${contained.length} contained.`
        : `${counts}; none is high or critical.`,
    details,
  };
}
