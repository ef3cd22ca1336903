import { type Incident, type Log, SILENT_LOG, type Topics } from '../../../core/index.js';
import type { IncidentStore } from '../../../store/index.js';
import type { Agent } from '../../runtime/agent.js';
import { Correlator } from './correlator.js';
import { type CorrelatorOptions, DEFAULT_CORRELATOR_OPTIONS } from './correlator-options.js';

/** What the correlator agent works with. */
export interface CorrelatorDeps {
  readonly incidents: IncidentStore;
  /** Where incidents that opened or changed go: the composition root publishes them as `brain.incident`. */
  readonly publish?: (incident: Incident) => void;
  readonly options?: CorrelatorOptions;
  /** How often counts are saved, quiet incidents resolved and containment checked; default 5,000 ms. */
  readonly tickMs?: number;
  readonly log?: Log;
}

type CorrelatorTopics = 'security.event' | 'labyrinth.canary' | 'labyrinth.session' | 'decision.made';

/**
 * The correlator as an agent: events, canaries, maze sessions and decisions in; incidents kept in the
 * incident store and announced. An incident that opens or changes status, severity, kind or clients is
 * saved and published at once; counts are saved on the tick. A write the store refuses is tried again on
 * the next tick (and its change is announced once written). A summary someone else wrote in the store is
 * kept.
 * @example const agent = createCorrelatorAgent({ incidents, publish: (i) => bus.publish('brain.incident', i) });
 */
export function createCorrelatorAgent(deps: CorrelatorDeps): Agent<Topics, CorrelatorTopics> {
  const log = deps.log ?? SILENT_LOG;
  let correlator = new Correlator(deps.options);
  const unsaved = new Map<string, Incident>();

  /** Saves what changed (and what failed before); returns the incidents as written, summaries kept. */
  const save = async (incidents: readonly Incident[]): Promise<Incident[]> => {
    for (const incident of incidents) unsaved.set(incident.id, incident);
    const written: Incident[] = [];
    for (const [id, incident] of [...unsaved]) {
      try {
        let kept = incident;
        if (incident.summary === '') {
          const stored = await deps.incidents.get(id);
          if (stored !== undefined && stored.summary !== '') {
            correlator.adoptSummary(id, stored.summary);
            kept = { ...incident, summary: stored.summary };
          }
        }
        await deps.incidents.put(kept);
        unsaved.delete(id);
        written.push(kept);
      } catch (err) {
        log.warn({ err, incident: id }, 'brain.correlator: an incident cannot be saved; trying again later');
        break;
      }
    }
    return written;
  };
  /** Ids of notable changes not yet announced: they are, once written. */
  const owed = new Set<string>();
  const saveAndAnnounce = async (notable: readonly Incident[], quiet: readonly Incident[] = []) => {
    for (const incident of notable) owed.add(incident.id);
    for (const incident of await save([...notable, ...quiet])) {
      if (!owed.delete(incident.id)) continue;
      deps.publish?.(incident);
    }
  };

  return {
    id: 'correlator',
    topics: ['security.event', 'labyrinth.canary', 'labyrinth.session', 'decision.made'],
    // Only what can start or feed an incident: a finding, a request the gateway did not simply let through,
    // a POST (a login). Plain requests, most of the traffic, are never queued.
    accepts(message) {
      if (message.topic !== 'security.event') return true;
      const { verdict, request } = message.payload;
      return verdict.findings.length > 0 || verdict.action !== 'allow' || request.method === 'POST';
    },
    tickMs: deps.tickMs ?? 5000,
    async start() {
      // After a crash: what the last one could not write goes first, so that the store has it to load.
      await save([]);
      correlator = new Correlator(deps.options);
      const maxActive = deps.options?.maxActive ?? DEFAULT_CORRELATOR_OPTIONS.maxActive;
      for (const status of ['open', 'contained'] as const)
        for (const incident of await deps.incidents.list({ status, limit: maxActive }))
          correlator.load(incident);
    },
    async stop() {
      await save(correlator.takeDirty());
    },
    async handle(message) {
      switch (message.topic) {
        case 'security.event':
          correlator.observeEvent(message.payload);
          break;
        case 'labyrinth.canary':
          correlator.observeCanary(message.payload);
          break;
        case 'labyrinth.session':
          correlator.observeSession(message.payload);
          break;
        case 'decision.made':
          correlator.observeDecision(message.payload);
          break;
      }
      const notable = correlator.takeNotable();
      if (notable.length > 0) await saveAndAnnounce(notable);
    },
    async tick(now) {
      correlator.sweep(now);
      await saveAndAnnounce(correlator.takeNotable(), correlator.takeDirty());
    },
  };
}
