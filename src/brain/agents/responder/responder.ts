import type { BehaviourSignal, Decision, Incident } from '../../../core/index.js';
import { LruMap } from '../../runtime/lru-map.js';
import { type AddressRange, parseAddressRange, rangeHolds } from '../shared/address-range.js';
import { scopeOf } from '../shared/client-key.js';
import {
  actionStrength,
  DEFAULT_RESPONSE_POLICY,
  type ResponsePolicy,
  type ResponseRule,
} from './response-policy.js';

/** The actions taken per client of one incident. */
export type IssuedActions = Readonly<Record<string, ResponseRule['action']>>;

const MAX_REASON = 200;
const MAX_TRACKED = 100_000;

/**
 * Turns open incidents and behaviour signals into decisions through a policy: one decision per client per
 * incident (given again, with the same id, only to make it stronger as the incident grows worse), none for a
 * client on the allow list or under an `allow` decision, none where a decision at least as strong already
 * stands.
 * @example const decisions = new Responder(policy).onIncident(incident, Date.now());
 */
export class Responder {
  readonly #policy: ResponsePolicy;
  readonly #allowList: readonly AddressRange[];
  /** Incident id → client → action taken. */
  readonly #issued = new LruMap<string, Map<string, ResponseRule['action']>>(10_000);
  /** Address or range → the strongest decision standing on it. */
  readonly #standing = new LruMap<string, { strength: number; until: number }>(MAX_TRACKED);
  readonly #allowed = new LruMap<string, { range: AddressRange; until: number }>(MAX_TRACKED);

  constructor(policy: Partial<ResponsePolicy> = {}) {
    this.#policy = { ...DEFAULT_RESPONSE_POLICY, ...policy };
    this.#allowList = this.#policy.allowList.map((entry) => {
      const range = parseAddressRange(entry);
      if (range === undefined)
        throw new TypeError(`brain.responder: "${entry}" in allowList is not an address or range`);
      return range;
    });
  }

  onIncident(incident: Incident, now: number): Decision[] {
    if (incident.status !== 'open') return [];
    const rule = this.#policy.bySeverity[incident.severity];
    if (rule === null) return [];
    let issued = this.#issued.get(incident.id, now);
    if (issued === undefined) {
      issued = new Map();
      this.#issued.set(incident.id, issued, now);
    }
    const out: Decision[] = [];
    for (const client of incident.clients.slice(0, this.#policy.maxPerIncident)) {
      const before = issued.get(client);
      if (before !== undefined && actionStrength(before) >= actionStrength(rule.action)) continue;
      if (before === undefined && this.#heldAsStrongly(client, rule.action, now)) continue;
      if (this.#isAllowed(client, now)) continue;
      issued.set(client, rule.action);
      const reason = `incident/${incident.kind}: ${incident.severity}, ${incident.id}`;
      out.push(this.#decide(`brain-${incident.id}-${client}`, client, rule, reason, now));
    }
    return out;
  }

  onSignal(signal: BehaviourSignal, now: number): Decision[] {
    const rule = this.#policy.signal;
    const client = signal.client.prefix;
    if (rule === null || signal.score < rule.minScore) return [];
    if (this.#heldAsStrongly(client, rule.action, now) || this.#isAllowed(client, now)) return [];
    const reason = `behaviour/anomaly: ${signal.reasons.join('; ')}`.slice(0, MAX_REASON);
    return [this.#decide(`brain-signal-${client}`, client, rule, reason, now)];
  }

  /** Hears a decision from anywhere: what stands on a client, and who is allowed. */
  onDecision(decision: Decision): void {
    if (decision.scope !== 'ip' && decision.scope !== 'cidr') return;
    const until = decision.expires ?? Number.POSITIVE_INFINITY;
    if (decision.action === 'allow') {
      const range = parseAddressRange(decision.value);
      if (range !== undefined) this.#allowed.set(decision.value, { range, until }, 0);
      return;
    }
    this.#stand(decision.value, actionStrength(decision.action), until, decision.created);
  }

  /** The actions taken for one incident, to keep across restarts. */
  issuedFor(incidentId: string): IssuedActions {
    return Object.fromEntries(this.#issued.peek(incidentId, 0) ?? []);
  }

  /** Takes back what was done for an incident before a restart. */
  restoreIssued(incidentId: string, actions: IssuedActions): void {
    this.#issued.set(incidentId, new Map(Object.entries(actions)), 0);
  }

  #decide(id: string, client: string, rule: ResponseRule, reason: string, now: number): Decision {
    this.#stand(client, actionStrength(rule.action), now + rule.durationMs, now);
    return {
      id,
      scope: scopeOf(client),
      value: client,
      action: rule.action,
      reason,
      source: 'agent',
      created: now,
      expires: now + rule.durationMs,
      createdBy: 'brain.responder',
    };
  }

  /** Records a decision standing on a client; a stronger one still in force is kept. */
  #stand(value: string, strength: number, until: number, now: number): void {
    const before = this.#standing.peek(value, 0);
    const inForce = before !== undefined && before.until > now;
    if (inForce && (before.strength > strength || (before.strength === strength && before.until >= until)))
      return;
    this.#standing.set(value, { strength, until }, 0);
  }

  #heldAsStrongly(client: string, action: ResponseRule['action'], now: number): boolean {
    const standing = this.#standing.peek(client, 0);
    return standing !== undefined && standing.until > now && standing.strength >= actionStrength(action);
  }

  #isAllowed(client: string, now: number): boolean {
    const address = parseAddressRange(client);
    if (address === undefined) return false;
    if (this.#allowList.some((range) => rangeHolds(range, address))) return true;
    for (const [, { range, until }] of this.#allowed.entries())
      if (until > now && rangeHolds(range, address)) return true;
    return false;
  }
}
