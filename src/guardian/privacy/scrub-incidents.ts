import type { Incident } from '../../core/index.js';
import { formatAddressBits, parseAddressBits } from './address-bits.js';
import { replaceAddresses } from './address-tokens.js';
import type { PrivacyDeps } from './privacy-types.js';

/** What an erased address reads as where it was part of a sentence. */
export const ERASED = 'an erased address';

/**
 * After the store took the address out of an incident's clients, its words may still name it: a title
 * (`Credential stuffing from 203.0.113.9`), the summary, a decision id (`ladder-203.0.113.9`). Those are
 * rewritten; `keys` are the names the address goes by (see addressKeys). Returns how many incidents changed.
 */
export async function scrubIncidents(
  deps: PrivacyDeps,
  involved: readonly Incident[],
  keys: readonly string[],
): Promise<number> {
  const names = new Set(
    keys.map((key) => {
      const bits = parseAddressBits(key.split('/')[0]!);
      return bits === undefined ? key : formatAddressBits(bits);
    }),
  );
  // A network (`2001:db8:1:2::/64`) goes whole, its length with it, before single addresses are looked for.
  const networks = keys.filter((key) => key.includes('/'));
  const scrub = (text: string) =>
    replaceAddresses(
      networks.reduce((t, network) => t.replaceAll(network, ERASED), text),
      (canonical) => (names.has(canonical) ? ERASED : undefined),
    );
  let changed = 0;
  for (const { id } of involved) {
    const incident = await deps.stores.incidents.get(id);
    if (incident === undefined) continue;
    const title = scrub(incident.title);
    const summary = scrub(incident.summary);
    const decisions = incident.decisions.filter((d) => scrub(d) === d);
    if (
      title === incident.title &&
      summary === incident.summary &&
      decisions.length === incident.decisions.length
    )
      continue;
    await deps.stores.incidents.put({ ...incident, title, summary, decisions });
    changed++;
  }
  return changed;
}
