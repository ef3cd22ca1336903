import type {
  Incident,
  IncidentKind,
  IncidentSeverity,
  IncidentStatus,
  SecurityEvent,
} from '../../../core/index.js';
import type { EventTraits } from './event-traits.js';
import type { SeverityFacts } from './incident-severity.js';
import { incidentTitle } from './incident-title.js';

const MAX_CLIENTS = 10_000;
const STORED_CLIENTS = 1000;
const MAX_FINGERPRINTS = 100;
const MAX_CATEGORIES = 64;
const MAX_EVENTS = 50;
const MAX_DECISIONS = 200;
/** Analyzers whose findings alone make a scan rather than an attack. */
const SCAN_CATEGORIES: ReadonlySet<string> = new Set(['scanner']);

/**
 * An incident being built: the correlator's working copy, with bounded sets and the facts its severity and
 * kind come from. A draft with no id yet is a client's events that do not make an incident yet.
 */
export class IncidentDraft {
  id = '';
  readonly site: string;
  kind: IncidentKind = 'client';
  status: IncidentStatus = 'open';
  severity: IncidentSeverity = 'low';
  campaign: string | null = null;
  /** The payload family of a campaign. */
  family: string | undefined;
  summary = '';
  firstSeen: number;
  lastSeen: number;
  eventCount = 0;
  hostile = 0;
  loginFailures = 0;
  passed = 0;
  stuffing = false;
  canaryUsed = false;
  canaryElsewhere = false;
  loginSucceeded = false;
  readonly clients = new Set<string>();
  readonly fingerprints = new Set<string>();
  readonly categories = new Set<string>();
  readonly families = new Set<string>();
  readonly decisions = new Set<string>();
  events: string[] = [];
  /** Changed since last saved; `notable` when the change is one to announce. */
  dirty = false;
  notable = false;
  /** Its clients' holds changed: containment is to be checked again. */
  recheck = false;

  constructor(site: string, time: number) {
    this.site = site;
    this.firstSeen = time;
    this.lastSeen = time;
  }

  /** Adds a client; true when it is new to this incident (false too when the incident is full). */
  addClient(prefix: string): boolean {
    if (this.clients.has(prefix) || this.clients.size >= MAX_CLIENTS) return false;
    this.clients.add(prefix);
    return true;
  }

  addEvent(event: SecurityEvent, traits: EventTraits): void {
    this.eventCount++;
    this.firstSeen = Math.min(this.firstSeen, event.time);
    this.lastSeen = Math.max(this.lastSeen, event.time);
    this.events.unshift(event.id);
    if (this.events.length > MAX_EVENTS) this.events.length = MAX_EVENTS;
    const { fingerprint } = event.client;
    if (fingerprint !== '' && this.fingerprints.size < MAX_FINGERPRINTS) this.fingerprints.add(fingerprint);
    for (const category of traits.categories) this.#category(category);
    if (traits.family !== undefined) {
      this.hostile++;
      if (this.families.size < MAX_CATEGORIES) this.families.add(traits.family);
    }
    if (traits.passed) this.passed++;
    if (traits.login === 'failure') this.loginFailures++;
    if (traits.login === 'success' && this.stuffing) this.loginSucceeded = true;
  }

  addDecision(id: string): boolean {
    if (this.decisions.has(id) || this.decisions.size >= MAX_DECISIONS) return false;
    this.decisions.add(id);
    return true;
  }

  /** Marks the draft as a credential-stuffing run. */
  markStuffing(): void {
    this.stuffing = true;
    this.#category('credential-stuffing');
  }

  /** Takes in another draft's clients, events and facts. */
  absorb(other: IncidentDraft): void {
    for (const client of other.clients) this.addClient(client);
    for (const fingerprint of other.fingerprints)
      if (this.fingerprints.size < MAX_FINGERPRINTS) this.fingerprints.add(fingerprint);
    for (const category of other.categories) this.#category(category);
    for (const family of other.families) if (this.families.size < MAX_CATEGORIES) this.families.add(family);
    for (const decision of other.decisions) this.addDecision(decision);
    this.events = [...new Set([...this.events, ...other.events])].slice(0, MAX_EVENTS);
    this.eventCount += other.eventCount;
    this.hostile += other.hostile;
    this.loginFailures += other.loginFailures;
    this.passed += other.passed;
    this.stuffing ||= other.stuffing;
    this.canaryUsed ||= other.canaryUsed;
    this.canaryElsewhere ||= other.canaryElsewhere;
    this.loginSucceeded ||= other.loginSucceeded;
    this.firstSeen = Math.min(this.firstSeen, other.firstSeen);
    this.lastSeen = Math.max(this.lastSeen, other.lastSeen);
  }

  /** The kind its facts make: a campaign stays one; then canary, credential stuffing, scan, client. */
  kindOf(): IncidentKind {
    if (this.campaign !== null) return 'campaign';
    if (this.canaryUsed) return 'canary';
    if (this.stuffing) return 'credential-stuffing';
    const categories = [...this.categories];
    if (categories.length > 0 && categories.every((c) => SCAN_CATEGORIES.has(c))) return 'scan';
    return 'client';
  }

  severityFacts(): SeverityFacts {
    return {
      kind: this.kind,
      eventCount: this.eventCount,
      clients: this.clients.size,
      categories: [...this.categories].filter((c) => c !== 'canary' && c !== 'credential-stuffing').length,
      passed: this.passed,
      canaryUsed: this.canaryUsed,
      canaryElsewhere: this.canaryElsewhere,
      loginSucceeded: this.loginSucceeded,
    };
  }

  toIncident(): Incident {
    const clients = [...this.clients].slice(0, STORED_CLIENTS);
    const categories = [...this.categories];
    return {
      id: this.id,
      title: incidentTitle({
        kind: this.kind,
        site: this.site,
        clients: [...this.clients],
        moreClients: this.clients.size >= MAX_CLIENTS,
        categories,
        family: this.family,
      }),
      kind: this.kind,
      severity: this.severity,
      status: this.status,
      site: this.site,
      clients,
      fingerprints: [...this.fingerprints],
      categories,
      events: [...this.events],
      eventCount: this.eventCount,
      decisions: [...this.decisions],
      campaign: this.campaign,
      firstSeen: this.firstSeen,
      lastSeen: this.lastSeen,
      summary: this.summary,
    };
  }

  /** A draft of a stored incident, to go on with after a restart; facts not stored start from its fields. */
  static of(incident: Incident): IncidentDraft {
    const draft = new IncidentDraft(incident.site, incident.firstSeen);
    draft.id = incident.id;
    draft.kind = incident.kind;
    draft.status = incident.status;
    draft.severity = incident.severity;
    draft.campaign = incident.campaign;
    draft.family = incident.campaign?.slice(incident.site.length + 1);
    draft.summary = incident.summary;
    draft.lastSeen = incident.lastSeen;
    draft.eventCount = incident.eventCount;
    draft.events = [...incident.events];
    for (const client of incident.clients) draft.addClient(client);
    for (const fingerprint of incident.fingerprints) draft.fingerprints.add(fingerprint);
    for (const category of incident.categories) draft.#category(category);
    for (const decision of incident.decisions) draft.addDecision(decision);
    if (draft.family !== undefined) draft.families.add(draft.family);
    draft.stuffing = incident.kind === 'credential-stuffing' || draft.categories.has('credential-stuffing');
    draft.canaryUsed = incident.kind === 'canary' || draft.categories.has('canary');
    return draft;
  }

  #category(category: string): void {
    if (this.categories.size < MAX_CATEGORIES) this.categories.add(category);
  }
}
