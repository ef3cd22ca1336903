import { Gauge, type Registry } from 'prom-client';
import {
  type Agent,
  type AgentHealth,
  type AlertRoute,
  type AlertStats,
  type AuditCheck,
  agentMemory,
  createAgentRuntime,
  createAlertChannel,
  createAlerter,
  createAlertRules,
  createBehaviourAnalystAgent,
  createCorrelatorAgent,
  createLlmAnalyst,
  createResponderAgent,
  createStrategistAgent,
  type FindingExplanation,
  forecastSiteTraffic,
  type IncidentSummary,
  type LlmAnalystStats,
  type QueryAnswer,
  type SiteForecast,
} from '../brain/index.js';
import type { Config } from '../config/index.js';
import type { Decision, EventBus, Log, SecurityEvent, Topics } from '../core/index.js';
import type { AgentMemoryStore, EventStore, IncidentStore } from '../store/index.js';

/** What the brain needs from the process. */
export interface BrainDeps {
  readonly bus: EventBus<Topics>;
  readonly log: Log;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stores: {
    readonly events: EventStore;
    readonly incidents: IncidentStore;
    readonly agentMemory: AgentMemoryStore;
  };
  /** Puts a decision of the responder into force (the gateway's table and the store) and announces it. */
  readonly decide: (decision: Decision) => void;
  /** Verifies the audit chain (for the alert rule); resolves to whether it holds and where it broke. */
  readonly verifyAudit: () => Promise<AuditCheck>;
  readonly registry: Registry;
}

/** The brain running: agents, alerts, the analyst and the forecast. */
export interface Brain {
  summarize(incidentId: string): Promise<IncidentSummary | undefined>;
  /** Turns a question into a validated event query and runs it. */
  ask(question: string): Promise<QueryAnswer & { readonly events: readonly SecurityEvent[] }>;
  explain(eventId: string, finding: number): Promise<FindingExplanation | undefined>;
  forecast(site: string): Promise<SiteForecast>;
  status(): { agents: AgentHealth[]; alerts: AlertStats; analyst: LlmAnalystStats };
  close(): Promise<void>;
}

const HOUR = 3_600_000;
const SAMPLE_EVENTS = 20;

/** A secret named by an environment variable; a missing one is a clear start-up error. */
function fromEnv(env: BrainDeps['env'], name: string | undefined, what: string): string | undefined {
  if (name === undefined) return undefined;
  const value = env[name];
  if (value === undefined || value === '')
    throw new TypeError(`brain: ${what}: environment variable ${name} is not set`);
  return value;
}

/**
 * Starts the brain over the process's bus: the behaviour analyst, correlator, responder and strategist under a
 * supervisor (off the request path), alert rules and channels, the analyst (a model chain when configured,
 * rules always) and the forecast. Bad options throw before anything starts.
 */
export async function startBrain(config: Config, deps: BrainDeps): Promise<Brain> {
  const { bus, log, stores } = deps;
  const options = config.brain;
  const analyst = createLlmAnalyst(
    {
      providers: options.llm.providers.map((p) => ({
        name: p.name,
        kind: p.kind,
        timeoutMs: p.timeoutMs,
        ...(p.baseUrl ? { baseUrl: p.baseUrl } : {}),
        ...((p.apiKey ?? fromEnv(deps.env, p.apiKeyEnv, `provider ${p.name}`))
          ? { apiKey: p.apiKey ?? fromEnv(deps.env, p.apiKeyEnv, `provider ${p.name}`)! }
          : {}),
      })),
      models: options.llm.models,
    },
    { log },
  );

  const { rules } = options.alerts;
  const routes: AlertRoute[] = options.alerts.channels.map((c) => {
    const secret = fromEnv(deps.env, c.secretEnv, `alert channel ${c.name}`);
    return {
      channel: createAlertChannel({ type: c.type, name: c.name, url: c.url, ...(secret ? { secret } : {}) }),
      minSeverity: c.minSeverity,
    };
  });
  const alerter = createAlerter(
    {
      rules: createAlertRules({
        'canary-used': rules.canaryUsed ? {} : false,
        'attack-wave': rules.attackWave ? {} : false,
        'incident-high': rules.incidentHigh ? {} : false,
        'upstream-down': rules.upstreamDown ? {} : false,
        'audit-chain-broken': rules.auditChainBroken ? {} : false,
      }),
      routes,
      grouping: { windowMs: options.alerts.groupWindowMs },
    },
    { log },
  );
  const detach = alerter.attach(bus);
  const auditTimer = setInterval(() => {
    deps
      .verifyAudit()
      .then((check) => alerter.auditChecked(check))
      .catch((err: unknown) => log.warn({ err }, 'brain: the audit chain cannot be verified'));
  }, HOUR);
  auditTimer.unref();

  const agents: Agent<Topics>[] = [];
  if (options.agents.enabled) {
    agents.push(
      createBehaviourAnalystAgent({
        publish: (signal) => bus.publish('brain.signal', signal),
        memory: agentMemory(stores.agentMemory, 'behaviour-analyst'),
      }) as Agent<Topics>,
      createCorrelatorAgent({
        incidents: stores.incidents,
        publish: (incident) => bus.publish('brain.incident', incident),
        log,
      }) as Agent<Topics>,
      createStrategistAgent({ publish: (advice) => bus.publish('brain.strategy', advice) }) as Agent<Topics>,
    );
    if (options.agents.respond)
      agents.push(
        createResponderAgent({
          emit: deps.decide,
          memory: agentMemory(stores.agentMemory, 'responder'),
        }) as Agent<Topics>,
      );
  }
  const runtime = createAgentRuntime(bus, agents, {
    log,
    queueCapacity: options.agents.queueSize,
    onAgentStopped: (health) =>
      log.error(
        { agent: health.id, reason: health.stoppedReason },
        'brain: an agent keeps crashing and is stopped',
      ),
  });
  await runtime.start();
  const pruneTimer = setInterval(() => {
    stores.agentMemory
      .prune(Date.now())
      .catch((err: unknown) => log.warn({ err }, 'brain: memory prune failed'));
  }, HOUR);
  pruneTimer.unref();
  registerBrainMetrics(
    deps.registry,
    runtime.health,
    () => alerter.stats(),
    () => analyst.stats(),
  );

  return {
    async summarize(id) {
      const incident = await stores.incidents.get(id);
      if (incident === undefined) return undefined;
      const sample = (
        await Promise.all(incident.events.slice(-SAMPLE_EVENTS).map((eventId) => stores.events.get(eventId)))
      ).filter((e): e is SecurityEvent => e !== undefined);
      return analyst.summarizeIncident(incident, sample);
    },
    async ask(question) {
      const answer = await analyst.questionToQuery(question, Date.now());
      const { limit, ...filter } = answer.query;
      const page = await stores.events.query({ ...filter, limit });
      return { ...answer, events: page.events };
    },
    async explain(eventId, index) {
      const event = await stores.events.get(eventId);
      const finding = event?.verdict.findings[index];
      return event && finding ? analyst.explainFinding(finding, event) : undefined;
    },
    forecast: (site) =>
      forecastSiteTraffic(stores.events, site, Date.now(), {
        ...(options.forecast.capacityRps
          ? { capacity: { capacityRps: options.forecast.capacityRps, withinPct: options.forecast.withinPct } }
          : {}),
      }),
    status: () => ({ agents: runtime.health(), alerts: alerter.stats(), analyst: analyst.stats() }),
    async close() {
      clearInterval(auditTimer);
      clearInterval(pruneTimer);
      detach();
      await runtime.stop();
      await alerter.close();
    },
  };
}

function registerBrainMetrics(
  registry: Registry,
  health: () => AgentHealth[],
  alerts: () => AlertStats,
  analyst: () => LlmAnalystStats,
): void {
  const gauge = (name: string, help: string, labelNames: string[], collect: (g: Gauge) => void) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        collect(this);
      },
    });
  gauge(
    'infinisec_agent_up',
    'Whether an agent runs: 1 running, 0 restarting or stopped.',
    ['agent'],
    (g) => {
      for (const h of health()) g.set({ agent: h.id }, h.state === 'running' ? 1 : 0);
    },
  );
  gauge('infinisec_agent_restarts_total', 'Restarts of an agent after a crash.', ['agent'], (g) => {
    for (const h of health()) g.set({ agent: h.id }, h.restarts);
  });
  gauge('infinisec_agent_dropped_total', 'Messages an agent dropped, its queue full.', ['agent'], (g) => {
    for (const h of health()) g.set({ agent: h.id }, h.dropped);
  });
  gauge('infinisec_alerts_raised_total', 'Alerts raised by the rules, before grouping.', [], (g) =>
    g.set(alerts().raised),
  );
  gauge('infinisec_analyst_answers_total', 'Analyst answers, by who wrote them.', ['source'], (g) => {
    const { answers } = analyst();
    g.set({ source: 'llm' }, answers.llm);
    g.set({ source: 'rules' }, answers.rules);
  });
}
