import { addressKeys } from './address-keys.js';
import { decisionsOf, incidentsOf } from './address-records.js';
import type { PrivacyDeps } from './privacy-types.js';
import { scrubIncidents } from './scrub-incidents.js';

// Incidents of one address whose words are checked after the store took the address out of them.
const INCIDENTS_MAX = 10_000;

/** Counts of what an address erasure removed, filled in as it goes (so a failure can say how far it got). */
export type AddressCounts = Record<
  'decisions' | 'events' | 'samples' | 'intruderSessions' | 'incidents' | 'agentMemory',
  number
>;

/**
 * Erases a canonical address: decisions on exactly it (through the running gateway), its events, request
 * samples, intruder sessions (stored and live), its place in incidents (clients, and where a title, summary
 * or decision id names it) and what agents remember of it. For IPv6 its network (see addressKeys) goes from
 * incidents and agent memory too: that is how they name an IPv6 client. Returns the ids of range decisions
 * kept on purpose.
 */
export async function eraseAddress(
  deps: PrivacyDeps,
  address: string,
  counts: AddressCounts,
): Promise<{ keptRanges: readonly string[] }> {
  const { stores } = deps;
  const { exact, ranges } = await decisionsOf(deps, address);
  for (const decision of exact) if (await deps.decisions.remove(decision.id)) counts.decisions++;
  counts.events += await stores.events.eraseClient(address);
  counts.samples += await stores.samples.eraseClient(address);
  counts.intruderSessions += await stores.intruders.eraseClient(address);
  // The live sessions are the gateway's own copy: gone from there too, or written back to the store.
  if (deps.liveIntruders !== undefined && deps.liveIntruders !== stores.intruders)
    await deps.liveIntruders.eraseClient(address);
  const keys = addressKeys(address, deps.ipv6PrefixLength ?? 64);
  const involved = (await incidentsOf(deps, address, INCIDENTS_MAX)).items;
  for (const key of keys) {
    counts.incidents += await stores.incidents.eraseClient(key);
    counts.agentMemory += await stores.agentMemory.eraseMentioning(key);
  }
  await scrubIncidents(deps, involved, keys);
  return { keptRanges: ranges.map((d) => d.id) };
}
