import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { SecurityEvent } from '../core/index.js';
import type { ResilienceStats } from '../gateway/index.js';

/** The Prometheus metrics of one process. */
export interface Metrics {
  readonly registry: Registry;
  /** Records one request event. */
  record(event: SecurityEvent): void;
  readonly configVersion: Gauge;
  readonly configReloads: Counter<'result'>;
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const INSPECT_BUCKETS = [0.00001, 0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.005, 0.01];

/** Creates the registry with process metrics and the gateway's own. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'infinisec_requests_total',
    help: 'Requests by site, action and status.',
    labelNames: ['site', 'action', 'status'] as const,
    registers: [registry],
  });
  const total = new Histogram({
    name: 'infinisec_request_duration_seconds',
    help: 'Time from request arrival to the end of the response.',
    labelNames: ['site'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const upstream = new Histogram({
    name: 'infinisec_upstream_duration_seconds',
    help: 'Time from forwarding to the upstream response headers.',
    labelNames: ['site'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const inspect = new Histogram({
    name: 'infinisec_inspect_duration_seconds',
    help: 'Time spent inspecting a request.',
    labelNames: ['site'] as const,
    buckets: INSPECT_BUCKETS,
    registers: [registry],
  });
  const overLimits = new Counter({
    name: 'infinisec_inspect_over_limit_total',
    help: 'Requests that ran into an inspection limit, by limit (body-bytes, args, depth, budget).',
    labelNames: ['limit'] as const,
    registers: [registry],
  });
  const configVersion = new Gauge({
    name: 'infinisec_config_version',
    help: 'Version of the configuration in use (1 at start).',
    registers: [registry],
  });
  const configReloads = new Counter({
    name: 'infinisec_config_reloads_total',
    help: 'Configuration reloads by result.',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  // Label lookups cost more than the observation: keep the children per site.
  const perSite = new Map<
    string,
    {
      total: Histogram.Internal<'site'>;
      upstream: Histogram.Internal<'site'>;
      inspect: Histogram.Internal<'site'>;
    }
  >();
  const requestCounters = new Map<string, Counter.Internal>();
  const forSite = (site: string) => {
    let children = perSite.get(site);
    if (children === undefined) {
      children = {
        total: total.labels(site),
        upstream: upstream.labels(site),
        inspect: inspect.labels(site),
      };
      perSite.set(site, children);
    }
    return children;
  };
  return {
    registry,
    configVersion,
    configReloads,
    record(event) {
      const site = event.site || '-';
      const key = `${site}\u0000${event.verdict.action}\u0000${event.response.status}`;
      let counter = requestCounters.get(key);
      if (counter === undefined) {
        counter = requests.labels(site, event.verdict.action, String(event.response.status));
        // Sites, actions and statuses are few; the bound only guards against a surprise.
        if (requestCounters.size < 10_000) requestCounters.set(key, counter);
      }
      counter.inc();
      const children = forSite(site);
      children.total.observe(event.timings.totalMs / 1000);
      if (event.response.upstreamMs !== null) children.upstream.observe(event.response.upstreamMs / 1000);
      if (event.timings.inspectMs > 0) children.inspect.observe(event.timings.inspectMs / 1000);
      for (const limit of event.inspectLimits ?? []) overLimits.inc({ limit });
    },
  };
}

const BREAKER_STATES = ['closed', 'open', 'half-open'] as const;

type TargetStats = ResilienceStats['targets'][number];

/**
 * Registers the gateway's resilience metrics, read from `stats` at each scrape: per target its health,
 * ejection, breaker state and requests in flight; counts of retries, bulkhead refusals, fallback answers,
 * requests no target could take, and inspection failures by fail mode.
 */
export function registerResilienceMetrics(registry: Registry, stats: () => ResilienceStats): void {
  const perTarget = (name: string, help: string, read: (t: TargetStats) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['target'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const target of stats().targets) this.set({ target: target.origin }, read(target));
      },
    });
  perTarget(
    'infinisec_upstream_target_healthy',
    'Whether health checks let the target take requests.',
    (t) => (t.healthy ? 1 : 0),
  );
  perTarget('infinisec_upstream_target_ejected', 'Whether outlier detection holds the target out.', (t) =>
    t.ejected ? 1 : 0,
  );
  perTarget('infinisec_upstream_target_in_flight', 'Requests under way to the target.', (t) => t.inFlight);
  const perTargetTotal = (name: string, help: string, read: (t: TargetStats) => number) =>
    new Counter({
      name,
      help,
      labelNames: ['target'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const target of stats().targets) this.inc({ target: target.origin }, read(target));
      },
    });
  perTargetTotal(
    'infinisec_upstream_breaker_opened_total',
    'Times the breaker of the target opened.',
    (t) => t.opened,
  );
  perTargetTotal('infinisec_upstream_ejections_total', 'Times the target was ejected.', (t) => t.ejections);
  new Gauge({
    name: 'infinisec_upstream_breaker_state',
    help: 'Breaker state of each target: 1 for the state it is in.',
    labelNames: ['target', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const target of stats().targets)
        for (const state of BREAKER_STATES)
          this.set({ target: target.origin, state }, target.breaker === state ? 1 : 0);
    },
  });
  const total = (name: string, help: string, read: (s: ResilienceStats) => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read(stats()));
      },
    });
  total('infinisec_upstream_retries_total', 'Tries of a request after its first.', (s) => s.retries);
  total(
    'infinisec_upstream_bulkhead_rejections_total',
    'Requests refused with 503 at once because their upstream was at its concurrency cap.',
    (s) => s.bulkheadRejections,
  );
  total(
    'infinisec_upstream_fallback_answers_total',
    'Requests answered with the fallback page of their upstream.',
    (s) => s.fallbacks,
  );
  total(
    'infinisec_upstream_unavailable_total',
    'Requests no target could take (every one unhealthy, ejected or with its breaker open).',
    (s) => s.unavailable,
  );
  new Counter({
    name: 'infinisec_inspect_failures_total',
    help: 'Requests whose inspection failed, by the fail mode that applied (open: forwarded, closed: 503).',
    labelNames: ['fail_mode'] as const,
    registers: [registry],
    collect() {
      const { inspectionFailures } = stats();
      this.reset();
      this.inc({ fail_mode: 'open' }, inspectionFailures.open);
      this.inc({ fail_mode: 'closed' }, inspectionFailures.closed);
    },
  });
}
