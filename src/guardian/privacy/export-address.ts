import {
  auditNamesAddress,
  decisionsOf,
  eventsOf,
  incidentsOf,
  intruderSessionsOf,
} from './address-records.js';
import { collectAudit } from './collect-audit.js';
import { sectionOf } from './export-section.js';
import type { AddressExport, PrivacyDeps } from './privacy-types.js';

// The most a sample store hands out at once.
const SAMPLE_LIMIT = 100_000;

const NOTES = [
  'Events are those sent from the address; events sent from another address that name it (in a header or a finding) are erased with it but not listed here.',
  'What the brain’s agents remember about the address is working state: it is erased with the address, not exported.',
  'Audit entries are kept on erasure: they are security records (see the privacy documentation).',
];

/** Everything kept about a canonical address, at most `max` records of each kind. */
export async function exportAddress(deps: PrivacyDeps, address: string, max: number): Promise<AddressExport> {
  const clock = deps.clock ?? Date.now;
  const decisions = await decisionsOf(deps, address);
  const samples = await deps.stores.samples.list({ client: address, limit: Math.min(max + 1, SAMPLE_LIMIT) });
  return {
    subject: { ip: address },
    generated: new Date(clock()).toISOString(),
    events: await eventsOf(deps, address, max),
    decisions: sectionOf(decisions.exact, max, 'decisions'),
    decisionRanges: sectionOf(decisions.ranges, max, 'range decisions'),
    samples: sectionOf(samples, max, 'request samples'),
    intruderSessions: await intruderSessionsOf(deps, address, max),
    incidents: await incidentsOf(deps, address, max),
    audit: await collectAudit(deps.stores.audit, (entry) => auditNamesAddress(entry, address), max),
    notes: NOTES,
  };
}
