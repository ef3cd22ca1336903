import type { ClientIdentity, Decision } from '../core/index.js';
import { type CidrRange, parseCidr, rangeContains } from './cidr.js';
import { parseAddress } from './ip-address.js';

/** Decisions held in memory, looked up on every request. */
export interface DecisionTable {
  /** The decision that applies to this client now, if any; an exact address wins over a range. */
  match(client: ClientIdentity, now: number): Decision | undefined;
  add(decision: Decision): void;
  remove(id: string): boolean;
  list(now: number): Decision[];
  /** Forgets the decisions that have expired; returns how many. */
  prune(now: number): number;
  readonly size: number;
}

/** Creates a decision table; `ip` decisions are a map lookup, `cidr` decisions a scan of ranges. */
export function createDecisionTable(initial: readonly Decision[] = []): DecisionTable {
  const byId = new Map<string, Decision>();
  const byAddress = new Map<string, Decision>();
  const ranges: { decision: Decision; range: CidrRange }[] = [];
  const live = (d: Decision, now: number) => d.expires === null || d.expires > now;

  const table: DecisionTable = {
    get size() {
      return byId.size;
    },
    match(client, now) {
      if (byId.size === 0) return undefined;
      const exact = byAddress.get(client.ip) ?? byAddress.get(client.prefix);
      if (exact !== undefined && live(exact, now)) return exact;
      if (ranges.length === 0) return undefined;
      const address = parseAddress(client.ip);
      if (address === undefined) return undefined;
      for (const { decision, range } of ranges) {
        if (rangeContains(range, address) && live(decision, now)) {
          return decision;
        }
      }
      return undefined;
    },
    add(decision) {
      table.remove(decision.id);
      byId.set(decision.id, decision);
      if (decision.scope === 'ip') byAddress.set(decision.value, decision);
      else if (decision.scope === 'cidr') {
        const range = parseCidr(decision.value);
        if (range === undefined) throw new TypeError(`defend: invalid CIDR range "${decision.value}"`);
        ranges.push({ decision, range });
      }
    },
    remove(id) {
      const decision = byId.get(id);
      if (decision === undefined) return false;
      byId.delete(id);
      if (byAddress.get(decision.value) === decision) byAddress.delete(decision.value);
      const at = ranges.findIndex((r) => r.decision === decision);
      if (at >= 0) ranges.splice(at, 1);
      return true;
    },
    list(now) {
      return [...byId.values()].filter((d) => live(d, now));
    },
    prune(now) {
      let removed = 0;
      for (const decision of [...byId.values()])
        if (!live(decision, now) && table.remove(decision.id)) removed++;
      return removed;
    },
  };
  for (const decision of initial) table.add(decision);
  return table;
}
