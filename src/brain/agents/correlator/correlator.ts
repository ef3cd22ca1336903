import { randomBytes } from 'node:crypto';
import type { CanaryUse, Decision, Incident, IntruderSession, SecurityEvent } from '../../../core/index.js';
import { LruMap } from '../../runtime/lru-map.js';
import { clientKey } from '../shared/client-key.js';
import { CampaignTracker } from './campaign-tracker.js';
import { ClientHolds } from './client-holds.js';
import {
  type CorrelatorOptions,
  DEFAULT_CORRELATOR_OPTIONS,
  type ResolvedCorrelatorOptions,
} from './correlator-options.js';
import { type EventTraits, eventTraits } from './event-traits.js';
import { IncidentDraft } from './incident-draft.js';
import { incidentSeverity, worseSeverity } from './incident-severity.js';

/** Decision actions that hold a client: it cannot reach the application any more. */
const HOLDING: ReadonlySet<string> = new Set(['block', 'labyrinth', 'tarpit']);
/** Up to this many clients, containment is checked as soon as a hold changes; beyond, on the next sweep. */
const CHECK_AT_ONCE = 100;

const newIncidentId = () => `inc-${randomBytes(8).toString('hex')}`;

// Over 300 lines on purpose: the indexes (by client, fingerprint, campaign) and the lifecycle change together,
// and every path through an event touches both; split apart, each half would reach into the other's maps.

/**
 * Groups events into incidents. A client's hostile events (findings sure enough) wait until there are
 * `clientMinEvents` of them, or `stuffingMinFailures` failed logins, then open an incident about it; others
 * with the same fingerprint join it. The same payload family from `campaignMinClients` addresses within the
 * window makes a campaign, which takes in their events and the incidents about them alone. A canary used
 * joins the incident of the intruder it was served to, or opens one. Every incident goes open → contained
 * (every client banned or trapped) → resolved (quiet for `resolveAfterMs`); severity only ever rises.
 *
 * Changes are collected: `takeNotable` gives the incidents to save and announce now (new, or a status,
 * severity, kind or client changed), `takeDirty` those whose counts only moved.
 */
export class Correlator {
  readonly #options: ResolvedCorrelatorOptions;
  readonly #newId: () => string;
  readonly #active = new Map<string, IncidentDraft>();
  readonly #byClient = new Map<string, IncidentDraft>();
  readonly #byFingerprint = new Map<string, IncidentDraft>();
  readonly #byCampaign = new Map<string, IncidentDraft>();
  readonly #pending: LruMap<string, IncidentDraft>;
  readonly #campaigns: CampaignTracker;
  readonly #holds: ClientHolds;
  readonly #intruders: LruMap<string, { site: string; prefix: string }>;
  readonly #changed = new Set<IncidentDraft>();

  constructor(options: CorrelatorOptions = {}, newId: () => string = newIncidentId) {
    this.#options = { ...DEFAULT_CORRELATOR_OPTIONS, ...options };
    this.#newId = newId;
    const { maxTracked, windowMs } = this.#options;
    this.#pending = new LruMap(maxTracked, windowMs);
    this.#campaigns = new CampaignTracker(maxTracked, windowMs);
    this.#holds = new ClientHolds(maxTracked);
    this.#intruders = new LruMap(maxTracked, this.#options.trappedHoldMs);
  }

  /** Incidents open or contained now. */
  get active(): number {
    return this.#active.size;
  }

  /** Goes on with a stored incident that is not resolved (after a restart). */
  load(incident: Incident): void {
    if (incident.status === 'resolved' || this.#active.has(incident.id)) return;
    this.#index(IncidentDraft.of(incident));
  }

  observeEvent(event: SecurityEvent): void {
    const traits = eventTraits(event, this.#options);
    const { site, time } = event;
    const { prefix } = event.client;
    if (traits.held) this.#hold(prefix, time + this.#options.refusedHoldMs, time);
    if (traits.family === undefined && traits.login === undefined && !traits.held) return;
    const key = clientKey(site, prefix);
    const target =
      this.#byClient.get(key) ??
      (traits.family === undefined
        ? undefined
        : this.#grouped(site, prefix, event.client.fingerprint, traits.family, time));
    if (target !== undefined) {
      this.#join(target, prefix, event, traits);
      return;
    }
    // A login let in, or a refusal, means something only for a client already counted.
    if (
      traits.family === undefined &&
      traits.login !== 'failure' &&
      this.#pending.peek(key, time) === undefined
    )
      return;
    this.#wait(key, prefix, event, traits);
  }

  observeCanary(use: CanaryUse): void {
    const intruder = this.#intruders.peek(use.intruder, use.time);
    const user = use.client.prefix;
    let draft =
      this.#byClient.get(clientKey(use.site, user)) ??
      (intruder === undefined ? undefined : this.#byClient.get(clientKey(intruder.site, intruder.prefix)));
    if (draft === undefined) {
      draft = new IncidentDraft(use.site, use.time);
      const pending = this.#pending.peek(clientKey(use.site, user), use.time);
      if (pending !== undefined) {
        draft.absorb(pending);
        this.#pending.delete(clientKey(use.site, user));
      }
      draft.canaryUsed = true;
      draft.addClient(user);
      this.#open(draft);
    }
    draft.canaryUsed = true;
    draft.categories.add('canary');
    for (const prefix of intruder === undefined ? [user] : [user, intruder.prefix])
      this.#enlist(draft, prefix);
    if (intruder !== undefined && intruder.prefix !== user) draft.canaryElsewhere = true;
    draft.lastSeen = Math.max(draft.lastSeen, use.time);
    this.#settle(draft, use.time, true);
  }

  observeDecision(decision: Decision): void {
    if (decision.scope !== 'ip' && decision.scope !== 'cidr') return;
    if (HOLDING.has(decision.action)) {
      const until = decision.expires ?? Number.POSITIVE_INFINITY;
      this.#hold(decision.value, until, decision.created, decision.scope === 'cidr');
    }
    for (const draft of this.#active.values())
      if (draft.clients.has(decision.value) && draft.addDecision(decision.id)) this.#mark(draft, false);
  }

  observeSession(session: IntruderSession): void {
    this.#intruders.set(session.id, { site: session.site, prefix: session.client.prefix }, session.lastSeen);
    this.#hold(session.client.prefix, session.lastSeen + this.#options.trappedHoldMs, session.lastSeen);
  }

  /** Resolves the incidents quiet for `resolveAfterMs`, checks containment again, forgets stale tracking. */
  sweep(now: number): void {
    for (const draft of [...this.#active.values()]) {
      if (now - draft.lastSeen >= this.#options.resolveAfterMs) this.#resolve(draft, '');
      else if (draft.recheck || draft.status === 'contained') this.#contain(draft, now);
    }
    this.#pending.expire(now);
    this.#holds.sweep(now);
  }

  /** The incidents with a change to announce, saved from now on; their flags are cleared. */
  takeNotable(): Incident[] {
    const out: Incident[] = [];
    for (const draft of this.#changed) {
      if (!draft.notable) continue;
      draft.notable = false;
      draft.dirty = false;
      this.#changed.delete(draft);
      out.push(draft.toIncident());
    }
    return out;
  }

  /** Every changed incident not yet taken; their flags are cleared. */
  takeDirty(): Incident[] {
    const out = [...this.#changed].map((draft) => {
      draft.notable = false;
      draft.dirty = false;
      return draft.toIncident();
    });
    this.#changed.clear();
    return out;
  }

  /** Adopts a summary written by someone else (the analyst) for an incident still followed. */
  adoptSummary(id: string, summary: string): void {
    const draft = this.#active.get(id);
    if (draft !== undefined && draft.summary === '') draft.summary = summary;
  }

  /**
   * The incident a hostile event from a client in none joins: the campaign of its family (formed now when
   * enough addresses sent it), else the incident of its fingerprint.
   */
  #grouped(
    site: string,
    prefix: string,
    fingerprint: string,
    family: string,
    time: number,
  ): IncidentDraft | undefined {
    const campaignKey = `${site}:${family}`;
    const seenFrom = this.#campaigns.record(campaignKey, prefix, time);
    const campaign = this.#byCampaign.get(campaignKey);
    if (campaign !== undefined) return campaign;
    if (seenFrom >= this.#options.campaignMinClients)
      return this.#formCampaign(campaignKey, site, family, time);
    return fingerprint === '' ? undefined : this.#byFingerprint.get(clientKey(site, fingerprint));
  }

  /** Counts a client's events until they make an incident of their own. */
  #wait(key: string, prefix: string, event: SecurityEvent, traits: EventTraits): void {
    let pending = this.#pending.get(key, event.time);
    if (pending === undefined || event.time - pending.firstSeen > this.#options.windowMs) {
      pending = new IncidentDraft(event.site, event.time);
      pending.addClient(prefix);
      this.#pending.set(key, pending, event.time);
    }
    pending.addEvent(event, traits);
    const stuffing = pending.loginFailures >= this.#options.stuffingMinFailures;
    if (pending.hostile < this.#options.clientMinEvents && !stuffing) return;
    this.#pending.delete(key);
    if (stuffing) pending.markStuffing();
    this.#open(pending);
    this.#settle(pending, event.time, true);
  }

  #join(draft: IncidentDraft, prefix: string, event: SecurityEvent, traits: EventTraits): void {
    const added = this.#enlist(draft, prefix);
    draft.addEvent(event, traits);
    if (
      !draft.stuffing &&
      draft.loginFailures >= this.#options.stuffingMinFailures &&
      draft.campaign === null
    )
      draft.markStuffing();
    if (draft.campaign === null) this.#indexFingerprints(draft);
    // A client not held acting again reopens a contained incident.
    if (draft.status === 'contained' && !traits.held && !this.#holds.isHeld(prefix, event.time)) {
      draft.status = 'open';
      draft.notable = true;
    }
    this.#settle(draft, event.time, added);
  }

  /** Adds a client to an incident, with what it did while waiting; true when it is new there. */
  #enlist(draft: IncidentDraft, prefix: string): boolean {
    const key = clientKey(draft.site, prefix);
    const pending = this.#pending.peek(key, draft.lastSeen);
    if (pending !== undefined) {
      draft.absorb(pending);
      this.#pending.delete(key);
    }
    if (!draft.addClient(prefix)) return false;
    this.#byClient.set(key, draft);
    return true;
  }

  /**
   * A family seen from enough addresses: a campaign, made from the incidents about those addresses that saw
   * only this family (the oldest becomes the campaign, the others merge into it) or new.
   */
  #formCampaign(campaignKey: string, site: string, family: string, time: number): IncidentDraft {
    const prefixes = this.#campaigns.prefixes(campaignKey, time);
    const alone = new Set<IncidentDraft>();
    for (const prefix of prefixes) {
      const draft = this.#byClient.get(clientKey(site, prefix));
      if (
        draft !== undefined &&
        draft.campaign === null &&
        draft.families.size === 1 &&
        draft.families.has(family)
      )
        alone.add(draft);
    }
    const [campaign, ...merged] = [...alone].sort((a, b) => a.firstSeen - b.firstSeen);
    const draft = campaign ?? new IncidentDraft(site, time);
    draft.campaign = campaignKey;
    draft.family = family;
    this.#unindexFingerprints(draft);
    for (const other of merged) {
      draft.absorb(other);
      for (const client of other.clients) this.#byClient.set(clientKey(site, client), draft);
      this.#resolve(other, `Merged into ${draft.id}.`);
    }
    if (draft.id === '') this.#open(draft);
    this.#byCampaign.set(campaignKey, draft);
    for (const prefix of prefixes)
      if (!this.#byClient.has(clientKey(site, prefix))) this.#enlist(draft, prefix);
    this.#mark(draft, true);
    return draft;
  }

  #open(draft: IncidentDraft): void {
    draft.id = this.#newId();
    this.#index(draft);
    this.#mark(draft, true);
    if (this.#active.size <= this.#options.maxActive) return;
    let quietest: IncidentDraft | undefined;
    for (const other of this.#active.values())
      if (other !== draft && (quietest === undefined || other.lastSeen < quietest.lastSeen)) quietest = other;
    if (quietest !== undefined) this.#resolve(quietest, '');
  }

  #index(draft: IncidentDraft): void {
    this.#active.set(draft.id, draft);
    for (const client of draft.clients) this.#byClient.set(clientKey(draft.site, client), draft);
    if (draft.campaign !== null) this.#byCampaign.set(draft.campaign, draft);
    else this.#indexFingerprints(draft);
  }

  #indexFingerprints(draft: IncidentDraft): void {
    for (const fingerprint of draft.fingerprints) {
      const key = clientKey(draft.site, fingerprint);
      if (!this.#byFingerprint.has(key)) this.#byFingerprint.set(key, draft);
    }
  }

  #unindexFingerprints(draft: IncidentDraft): void {
    for (const fingerprint of draft.fingerprints) {
      const key = clientKey(draft.site, fingerprint);
      if (this.#byFingerprint.get(key) === draft) this.#byFingerprint.delete(key);
    }
  }

  #resolve(draft: IncidentDraft, summary: string): void {
    draft.status = 'resolved';
    if (summary !== '') draft.summary = summary;
    this.#active.delete(draft.id);
    for (const client of draft.clients) {
      const key = clientKey(draft.site, client);
      if (this.#byClient.get(key) === draft) this.#byClient.delete(key);
    }
    this.#unindexFingerprints(draft);
    if (draft.campaign !== null && this.#byCampaign.get(draft.campaign) === draft)
      this.#byCampaign.delete(draft.campaign);
    this.#mark(draft, true);
  }

  /** After a change: kind, severity (never lower), containment, and whether to announce it. */
  #settle(draft: IncidentDraft, now: number, notable: boolean): void {
    const kind = draft.kindOf();
    if (kind !== draft.kind) {
      draft.kind = kind;
      notable = true;
    }
    const severity = worseSeverity(draft.severity, incidentSeverity(draft.severityFacts()));
    if (severity !== draft.severity) {
      draft.severity = severity;
      notable = true;
    }
    if (draft.clients.size <= CHECK_AT_ONCE || draft.recheck) this.#contain(draft, now);
    this.#mark(draft, notable);
  }

  #contain(draft: IncidentDraft, now: number): void {
    draft.recheck = false;
    let held = true;
    for (const client of draft.clients)
      if (!this.#holds.isHeld(client, now)) {
        held = false;
        break;
      }
    const status = held ? 'contained' : 'open';
    if (status === draft.status) return;
    draft.status = status;
    this.#mark(draft, true);
  }

  #mark(draft: IncidentDraft, notable: boolean): void {
    draft.dirty = true;
    draft.notable ||= notable;
    this.#changed.add(draft);
  }

  /**
   * Holds an address or range until a time. Only a client newly held can change an incident's containment:
   * the small incidents holding it are checked at once, the large on the next sweep.
   */
  #hold(value: string, until: number, now: number, range = false): void {
    if (!this.#holds.hold(value, until, now, range)) return;
    for (const draft of this.#active.values()) {
      if (draft.status !== 'open' || (!value.includes('/') && !draft.clients.has(value))) continue;
      draft.recheck = true;
      if (draft.clients.size <= CHECK_AT_ONCE) this.#contain(draft, now);
    }
  }
}
