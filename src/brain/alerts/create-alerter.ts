import type { CanaryUse, EventBus, Incident, Log, SecurityEvent, Topics } from '../../core/index.js';
import { type AlertMessage, type AlertSeverity, SEVERITY_RANK } from './alert.js';
import { ALERT_GROUP_DEFAULTS, AlertGrouper, type AlertGroupOptions } from './alert-grouper.js';
import type { AlertRule } from './alert-rule.js';
import type { AlertSignal, AuditCheck } from './alert-signal.js';
import type { AlertChannelStats, AlertStats } from './alert-stats.js';
import type { AlertChannel, DeliveryOutcome } from './channels/alert-channel.js';
import { type DeliveryRate, TokenBucket } from './token-bucket.js';

/** One channel and what it gets. */
export interface AlertRoute {
  readonly channel: AlertChannel;
  /** Lowest severity the channel gets. Default `info` (everything). */
  readonly minSeverity?: AlertSeverity;
  /** Deliveries to this channel. Default a burst of 10, then 30 a minute. */
  readonly rate?: DeliveryRate;
}

/** Options of the alerter. */
export interface AlerterOptions {
  /** The rules, in the order they see each signal (see `createAlertRules`). */
  readonly rules: readonly AlertRule[];
  readonly routes: readonly AlertRoute[];
  /** Group window (default 10 minutes) and most groups open (default 10,000). */
  readonly grouping?: Partial<AlertGroupOptions>;
  /** Send a summary ("and 9,999 more") when a group closes with alerts folded into it. Default true. */
  readonly summaries?: boolean;
  /** Deliveries over every channel together. Default a burst of 30, then 60 a minute. */
  readonly globalRate?: DeliveryRate;
  /** Deliveries under way at most (each may wait for retries); past it a message is dropped. Default 100. */
  readonly maxInFlight?: number;
  /** How often groups are checked for closing, milliseconds; 0 leaves it to signals and `sweep`. Default 10,000. */
  readonly sweepIntervalMs?: number;
}

/** Defaults of the alerter's options. */
export const ALERTER_DEFAULTS = {
  routeRate: { burst: 10, perMinute: 30 },
  globalRate: { burst: 30, perMinute: 60 },
  summaries: true,
  maxInFlight: 100,
  sweepIntervalMs: 10_000,
} as const;

/** What the alerter needs from its surroundings. */
export interface AlerterDeps {
  /** Delivery failures and faults of rules go here; never a secret or an address. */
  readonly log: Log;
  /** Epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

/** Turns signals into alerts, groups them and delivers them; nothing it does throws into the caller. */
export interface Alerter {
  /** A security event (topic `security.event`). */
  observeEvent(event: SecurityEvent): void;
  /** A canary came back (topic `labyrinth.canary`). */
  canaryUsed(use: CanaryUse): void;
  /** An incident, new or changed, from the correlator (topic `brain.incident`). */
  incident(incident: Incident): void;
  /** The result of a verification of the audit chain. */
  auditChecked(check: AuditCheck): void;
  /** Subscribes to `security.event`, `labyrinth.canary` and `brain.incident`; returns the function that unsubscribes. */
  attach(bus: EventBus<Topics>): () => void;
  /** Closes the groups whose window is over (the timer does it too). */
  sweep(): void;
  stats(): AlertStats;
  /** Resolves once every delivery under way has ended. */
  idle(): Promise<void>;
  /** Stops the timer, closes every group (sending its summary) and waits for deliveries to end. */
  close(): Promise<void>;
}

interface Route {
  readonly channel: AlertChannel;
  readonly minRank: number;
  readonly bucket: TokenBucket;
  readonly stats: { -readonly [K in keyof AlertChannelStats]: AlertChannelStats[K] };
}

/**
 * Creates the alerter: rules raise alerts from signals, a grouper folds those of one group key within its
 * window, and each message goes to every route that wants its severity, within the route's rate and the
 * global cap. Deliveries run in the background; failures are counted and logged.
 * @example
 * const alerter = createAlerter({ rules: createAlertRules(), routes: [{ channel: createSlackChannel({ url }) }] }, { log });
 * alerter.attach(bus);
 */
export function createAlerter(options: AlerterOptions, deps: AlerterDeps): Alerter {
  const now = deps.now ?? Date.now;
  const { log } = deps;
  const summaries = options.summaries ?? ALERTER_DEFAULTS.summaries;
  const maxInFlight = options.maxInFlight ?? ALERTER_DEFAULTS.maxInFlight;
  if (!(maxInFlight >= 1)) throw new TypeError('brain.alerts: maxInFlight must be at least 1');
  const start = now();
  const names = new Set<string>();
  const routes: Route[] = options.routes.map(({ channel, minSeverity = 'info', rate }) => {
    if (names.has(channel.name)) throw new TypeError(`brain.alerts: two channels are named ${channel.name}`);
    names.add(channel.name);
    if (!Object.hasOwn(SEVERITY_RANK, minSeverity))
      throw new TypeError(
        `brain.alerts: channel ${channel.name}: minSeverity must be info, warning or critical`,
      );
    return {
      channel,
      minRank: SEVERITY_RANK[minSeverity],
      bucket: new TokenBucket(rate ?? ALERTER_DEFAULTS.routeRate, start),
      stats: { name: channel.name, sent: 0, failed: 0, retries: 0, droppedRateLimit: 0, droppedInFlight: 0 },
    };
  });
  const global = new TokenBucket(options.globalRate ?? ALERTER_DEFAULTS.globalRate, start);
  const counts = { raised: 0, grouped: 0, folded: 0, summaries: 0, ruleErrors: 0 };
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  function record(route: Route, message: AlertMessage, outcome: DeliveryOutcome): void {
    route.stats.retries += Math.max(0, outcome.attempts - 1);
    if (outcome.ok) {
      route.stats.sent++;
      return;
    }
    route.stats.failed++;
    log.warn(
      {
        channel: route.channel.name,
        rule: message.alert.rule,
        kind: message.kind,
        attempts: outcome.attempts,
        reason: outcome.reason,
      },
      'brain.alerts: alert delivery failed',
    );
  }

  function deliver(route: Route, message: AlertMessage): void {
    let sending: Promise<DeliveryOutcome>;
    try {
      sending = route.channel.send(message);
    } catch (err) {
      sending = Promise.reject(err);
    }
    const done = sending
      .catch((err: unknown): DeliveryOutcome => {
        const name = (err as { name?: unknown })?.name;
        return { ok: false, attempts: 1, reason: `fault ${typeof name === 'string' ? name : 'error'}` };
      })
      .then((outcome) => record(route, message, outcome))
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  }

  function dispatch(message: AlertMessage): void {
    if (message.kind === 'summary') {
      if (!summaries) return;
      counts.summaries++;
    }
    const at = now();
    const rank = SEVERITY_RANK[message.alert.severity] ?? SEVERITY_RANK.critical;
    for (const route of routes) {
      if (rank < route.minRank) continue;
      if (!route.bucket.has(at) || !global.has(at)) {
        route.stats.droppedRateLimit++;
        log.debug(
          { channel: route.channel.name, rule: message.alert.rule },
          'brain.alerts: alert over the rate',
        );
        continue;
      }
      if (inFlight.size >= maxInFlight) {
        route.stats.droppedInFlight++;
        continue;
      }
      route.bucket.take(at);
      global.take(at);
      deliver(route, message);
    }
  }

  const grouper = new AlertGrouper({ ...ALERT_GROUP_DEFAULTS, ...options.grouping }, dispatch);

  function observe(signal: AlertSignal): void {
    if (closed) return;
    const at = now();
    grouper.expire(at);
    for (const rule of options.rules) {
      let alerts: ReturnType<AlertRule['observe']>;
      try {
        alerts = rule.observe(signal, at);
      } catch (err) {
        counts.ruleErrors++;
        log.error({ rule: rule.name, err }, 'brain.alerts: a rule failed');
        continue;
      }
      for (const alert of alerts) {
        counts.raised++;
        if (grouper.admit(alert, at)) counts.grouped++;
        else counts.folded++;
      }
    }
  }

  const timer =
    (options.sweepIntervalMs ?? ALERTER_DEFAULTS.sweepIntervalMs) > 0
      ? setInterval(() => grouper.expire(now()), options.sweepIntervalMs ?? ALERTER_DEFAULTS.sweepIntervalMs)
      : undefined;
  timer?.unref();

  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.all(inFlight);
  }

  return {
    observeEvent: (event) => observe({ kind: 'event', event }),
    canaryUsed: (use) => observe({ kind: 'canary', use }),
    incident: (incident) => observe({ kind: 'incident', incident }),
    auditChecked: (check) => observe({ kind: 'audit', check }),
    attach(bus) {
      const off = [
        bus.subscribe('security.event', (event) => observe({ kind: 'event', event })),
        bus.subscribe('labyrinth.canary', (use) => observe({ kind: 'canary', use })),
        bus.subscribe('brain.incident', (incident) => observe({ kind: 'incident', incident })),
      ];
      return () => {
        for (const unsubscribe of off) unsubscribe();
      };
    },
    sweep: () => grouper.expire(now()),
    stats() {
      const channels = routes.map((route) => ({ ...route.stats }));
      const total = (key: 'sent' | 'failed' | 'droppedRateLimit' | 'droppedInFlight') =>
        channels.reduce((n, c) => n + c[key], 0);
      return {
        ...counts,
        openGroups: grouper.size,
        inFlight: inFlight.size,
        sent: total('sent'),
        failed: total('failed'),
        droppedRateLimit: total('droppedRateLimit'),
        droppedInFlight: total('droppedInFlight'),
        channels,
      };
    },
    idle,
    async close() {
      if (!closed) {
        closed = true;
        if (timer !== undefined) clearInterval(timer);
        grouper.closeAll();
      }
      await idle();
    },
  };
}
