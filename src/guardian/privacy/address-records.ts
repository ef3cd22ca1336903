import type { AuditEntry, Decision, SecurityEvent } from '../../core/index.js';
import { formatAddressBits, parseAddressBits } from './address-bits.js';
import { addressKeys } from './address-keys.js';
import { isSingleAddress, parseAddressRange, rangeHolds } from './address-range.js';
import { mentionsAddress } from './address-tokens.js';
import { sectionOf, uniqueById } from './export-section.js';
import type { ExportSection, PrivacyDeps } from './privacy-types.js';

const EVENT_PAGE = 1000;

/** The address's events, newest first, page by page up to `max`. */
export async function eventsOf(
  deps: PrivacyDeps,
  address: string,
  max: number,
): Promise<ExportSection<SecurityEvent>> {
  const items: SecurityEvent[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await deps.stores.events.query({
      client: address,
      limit: Math.min(EVENT_PAGE, max + 1 - items.length),
      ...(cursor === undefined ? {} : { cursor }),
    });
    items.push(...page.events);
    if (items.length > max) return sectionOf(items, max, 'events');
    if (page.next === null || page.events.length === 0) return { items, complete: true };
    cursor = page.next;
  }
}

/** Decisions on exactly the address (a bare address, a /32 or /128), and those on a range holding it. */
export async function decisionsOf(
  deps: PrivacyDeps,
  address: string,
): Promise<{ exact: Decision[]; ranges: Decision[] }> {
  const bits = parseAddressBits(address)!;
  const exact: Decision[] = [];
  const ranges: Decision[] = [];
  for (const decision of await deps.decisions.list()) {
    if (decision.scope !== 'ip' && decision.scope !== 'cidr') continue;
    const range = parseAddressRange(decision.value);
    if (range === undefined || !rangeHolds(range, bits)) continue;
    (isSingleAddress(range) ? exact : ranges).push(decision);
  }
  return { exact, ranges };
}

/** Intruder sessions of the address, stored and live, each once. */
export async function intruderSessionsOf(deps: PrivacyDeps, address: string, max: number) {
  const { intruders } = deps.stores;
  const live = deps.liveIntruders;
  const lists = [await intruders.list({ client: address, limit: max + 1 })];
  if (live !== undefined && live !== intruders)
    lists.unshift(await live.list({ client: address, limit: max + 1 }));
  return sectionOf(uniqueById(lists), max, 'intruder sessions');
}

/** Incidents involving the address (for IPv6, its network: see addressKeys), each once. */
export async function incidentsOf(deps: PrivacyDeps, address: string, max: number) {
  const lists = [];
  for (const client of addressKeys(address, deps.ipv6PrefixLength ?? 64))
    lists.push(await deps.stores.incidents.list({ client, limit: max + 1 }));
  return sectionOf(uniqueById(lists), max, 'incidents');
}

/** Whether an audit entry was made from the address or names it in its target or details. */
export function auditNamesAddress(entry: AuditEntry, address: string): boolean {
  const from = parseAddressBits(entry.ip);
  if (from !== undefined && formatAddressBits(from) === address) return true;
  return mentionsAddress(entry.target, address) || mentionsAddress(JSON.stringify(entry.details), address);
}
