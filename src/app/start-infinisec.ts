import { randomBytes, randomUUID } from 'node:crypto';
import type { DestinationStream, Logger } from 'pino';
import {
  AggregatorRegistry,
  type MetricObjectWithValues,
  type MetricValue,
  type Registry,
} from 'prom-client';
import { type Config, type LoadConfigOptions, loadConfig, resolveConfigFile } from '../config/index.js';
import { type ControlPlane, createControlPlane, type DecisionControl } from '../control/index.js';
import { createEventBus, type EventBus, InfinisecError, type Topics } from '../core/index.js';
import { parseAddress, parseCidr, parseDecisionImport, unmapAddress } from '../defend/index.js';
import { type DemoApp, startDemoApp } from '../forge/demo/index.js';
import { createGateway, type ListenerAddress, listen } from '../gateway/index.js';
import { createAuditLog, createSecretBox, keyIdOf } from '../guardian/index.js';
import {
  createMemoryIntruderSessionStore,
  type EventSink,
  type IntruderSessionStore,
  sharedKey,
} from '../store/index.js';
import { createAccessLog } from './access-log.js';
import { assertServable } from './assert-servable.js';
import { startBrain } from './brain.js';
import {
  type ChangeService,
  createChangeService,
  startSampleStorage,
  webhookNotifier,
} from './changes/index.js';
import { type Cluster, openCluster, registerClusterMetrics, withSharedState } from './cluster.js';
import { createComplianceReporter } from './compliance/index.js';
import {
  createConfigControl,
  digestOf,
  readConfigText,
  recordConfigVersion,
  sealedVersionName,
} from './config-control.js';
import { watchConfigFile } from './config-watcher.js';
import { createLogger } from './create-logger.js';
import { type DecisionPersistence, persistDecisions } from './decision-persistence.js';
import { demoConfig } from './demo-config.js';
import { registerStreamMetrics, type Storage, startStorage } from './event-storage.js';
import { inspectorFor } from './inspector-for.js';
import { labyrinthKey } from './labyrinth-key.js';
import { createLabyrinthMetrics } from './labyrinth-metrics.js';
import { createMetrics, registerResilienceMetrics } from './metrics.js';
import { openStores, type Stores } from './open-stores.js';
import { addressTruncation, createPrivacy, openFingerprintKey, startRetention } from './privacy/index.js';
import { loadSecretKey } from './secret-key.js';
import { VERSION, WEB_ROOT } from './version.js';

/** How to start. */
export interface StartOptions {
  readonly configFile?: string;
  /** Start the bundled demo app and put the gateway in front of it. */
  readonly demo?: boolean;
  /** What this process runs; `cluster.role` of the config when absent. */
  readonly role?: Role;
  /**
   * Its place among the workers of one host (`server.workers`): the primary opens no data-plane listener and
   * stores what its workers send; a worker serves traffic without a control listener and sends its events
   * to `eventSink`. A single process (the default) does both.
   */
  readonly process?: 'single' | 'primary' | 'worker';
  /** Where a worker sends its events when there is no NATS event stream. */
  readonly eventSink?: EventSink;
  /** The primary's view of its workers: added to /metrics and /readyz. */
  readonly workers?: WorkerView;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where logs go; standard output by default. */
  readonly logDestination?: DestinationStream;
  /** Reload when the config file changes (default true). SIGHUP is the caller's to wire to `reload`. */
  readonly watch?: boolean;
  /**
   * Hears the one-time setup token made when there are no users yet (for the terminal, never the log):
   * whoever holds it may create the first admin through POST /api/setup.
   */
  readonly onSetupToken?: (token: string) => void;
}

/** What the primary knows of its workers. */
export interface WorkerView {
  /** Workers up and listening. */
  listening(): number;
  /** The metrics of every worker, as prom-client JSON. */
  metrics(): Promise<MetricObjectWithValues<MetricValue<string>>[][]>;
}

/** What a process runs: the data plane, the control plane and event storage, or both. */
export type Role = 'all' | 'gateway' | 'control';

/** A running infinisec process: gateway, control listener and, in demo mode, the demo app. */
export interface Infinisec {
  readonly role: Role;
  /** The process's event bus (security events, decisions, sessions). */
  readonly bus: EventBus<Topics>;
  /** Prometheus metrics of this process. */
  readonly registry: Registry;
  /** The shared services of a cluster, as far as the configuration names them. */
  readonly cluster: Cluster;
  readonly gateway: readonly ListenerAddress[];
  readonly control: ListenerAddress | undefined;
  readonly demo: DemoApp | undefined;
  readonly log: Logger;
  readonly configVersion: number;
  /** The labyrinth's intruder sessions, for the control plane to list. */
  readonly intruders: IntruderSessionStore;
  /** Every store, for tests and tools that look behind the API. */
  readonly stores: Stores;
  /** Event storage, with the writer's counters. */
  readonly storage: Storage;
  /** The control plane, when enabled. */
  readonly controlPlane: ControlPlane | undefined;
  /** Reads the configuration again; a valid one is swapped in, an invalid one refused. Returns which. */
  reload(source: string): Promise<boolean>;
  stop(): Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Starts infinisec: loads and validates the config, opens the stores, the gateway and the control plane, and
 * wires the event bus to metrics, logs, storage and the audit log. Throws InfinisecError (bad config, port in
 * use, data dir unusable) having closed what it opened.
 */
export async function startInfinisec(options: StartOptions = {}): Promise<Infinisec> {
  const env = options.env ?? process.env;
  const closers: (() => Promise<void> | void)[] = [];
  const unwind = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    return await start(options, env, closers);
  } catch (err) {
    await unwind();
    throw err;
  }
}

async function start(
  options: StartOptions,
  env: Readonly<Record<string, string | undefined>>,
  closers: (() => Promise<void> | void)[],
): Promise<Infinisec> {
  const demo = options.demo ? await startDemoApp() : undefined;
  if (demo) closers.push(() => demo.close());
  const loadOptions: LoadConfigOptions = {
    ...(options.configFile ? { file: options.configFile } : {}),
    env,
    ...(demo ? { base: demoConfig(demo.url) } : {}),
  };
  const configFile = resolveConfigFile(options.configFile, env);
  let config: Config = await loadConfig(loadOptions);
  assertServable(config);
  let configDigest = digestOf(readConfigText(configFile.path));

  const log = createLogger(config.logging, options.logDestination);
  const bus = createEventBus<Topics>((topic, err) => log.error({ err, topic }, 'event bus: listener failed'));
  const metrics = createMetrics();
  metrics.configVersion.set(1);
  bus.subscribe('security.event', metrics.record);
  bus.subscribe(
    'security.event',
    createAccessLog(log, () => config.logging.access),
  );

  const role = options.role ?? config.cluster.role;
  const kind = options.process ?? 'single';
  const dataPlane = role !== 'control' && kind !== 'primary';
  // Opened first and closed last: the stores and the event writer still need them while they close.
  const cluster = await openCluster(config, `infinisec-${role}-${process.pid}`);
  closers.push(() => cluster.close());
  registerClusterMetrics(metrics.registry, cluster);
  const stores = await withSharedState(
    await openStores(config, (message) => log.warn({ error: message }, 'store: a checkpoint failed')),
    config,
    cluster,
  );
  closers.push(() => stores.close());
  const secretKey = stores.durable ? loadSecretKey(config.store.dataDir, env) : randomBytes(32);
  const box = createSecretBox(secretKey, keyIdOf(secretKey));
  const audit = createAuditLog(stores.audit);
  const truncation = addressTruncation(() => config);
  const failedAudit = (err: unknown) => log.error({ err }, 'audit: an entry cannot be written');

  const labyrinthMetrics = createLabyrinthMetrics(metrics.registry);
  const intruders = createMemoryIntruderSessionStore({ max: config.labyrinth.maxSessions });
  for (const session of await stores.intruders.list({ since: Date.now() - HOUR, limit: 1000 }))
    await intruders.put(session);
  bus.subscribe('labyrinth.session', (session) => {
    labyrinthMetrics.session(session);
    void intruders.put(session);
    if (session.pages === 0 && session.canariesUsed === 0)
      log.info(
        {
          intruder: session.id,
          client: session.client.ip,
          strategy: session.strategy,
          reason: session.reason,
        },
        'labyrinth: client trapped',
      );
  });
  bus.subscribe('decision.made', (decision) => {
    log.warn(
      {
        decision: decision.id,
        scope: decision.scope,
        value: decision.value,
        action: decision.action,
        reason: decision.reason,
        expires: decision.expires === null ? null : new Date(decision.expires).toISOString(),
      },
      'defend: decision made',
    );
    audit
      .append({
        actor: 'system',
        action: 'decision.create',
        target: decision.id,
        outcome: 'success',
        ip: '',
        details: {
          scope: decision.scope,
          value: decision.value,
          action: decision.action,
          reason: decision.reason,
          source: decision.source,
          expires: decision.expires,
        },
      })
      .catch(failedAudit);
  });
  bus.subscribe('labyrinth.canary', (use) => {
    labyrinthMetrics.canary(use);
    log.warn(
      {
        intruder: use.intruder,
        kind: use.kind,
        client: use.client.ip,
        location: use.location,
        requestId: use.requestId,
      },
      'labyrinth: canary used',
    );
  });

  // Every gateway of a cluster signs maze links, canaries and challenge passes with the same key.
  const secret = cluster.redis
    ? await sharedKey(cluster.redis, 'labyrinth', labyrinthKey(config))
    : labyrinthKey(config);
  const gateway = createGateway(config, {
    bus,
    inspectorFor,
    log,
    labyrinthSecret: secret,
    ...(cluster.counters ? { sharedCounters: cluster.counters } : {}),
  });
  registerResilienceMetrics(metrics.registry, () => gateway.resilience());
  const persistence: DecisionPersistence = await persistDecisions(
    stores.decisions,
    gateway.decisions,
    bus,
    log,
    cluster.redis ? cluster.watchDecisions : undefined,
  );
  closers.push(() => persistence.close());
  const storage = startStorage(config, stores, intruders, bus, metrics.registry, log, {
    transform: truncation.event,
    ...(cluster.nats && dataPlane ? { publish: cluster.nats } : {}),
    ...(!cluster.nats && options.eventSink ? { sink: options.eventSink } : {}),
    ...(cluster.nats && role !== 'gateway' && kind !== 'worker'
      ? {
          consume: cluster.nats,
          // A process that serves no traffic: the stream is what its live feed and metrics show.
          ...(!dataPlane
            ? {
                onConsumed: (events) => {
                  for (const event of events) bus.publish('security.event', event);
                },
              }
            : {}),
        }
      : {}),
  });
  closers.push(() => storage.close());
  // The request sample change previews replay: kept where requests are served, not by workers.
  if (dataPlane && kind !== 'worker') {
    const samples = startSampleStorage(bus, stores.samples, log, {
      max: () => config.guardian.samples.max,
      transform: truncation.sample,
    });
    closers.push(() => samples.close());
  }
  // The text a version was made from, sealed for rollbacks; null when the file changed again meanwhile.
  const sealText = (digest: string, path: string) => {
    const text = readConfigText(path);
    return digestOf(text) === digest ? box.seal(sealedVersionName(digest), Buffer.from(text, 'utf8')) : null;
  };
  let version = await recordConfigVersion(
    stores.configVersions,
    config,
    configDigest,
    'startup',
    '',
    sealText(configDigest, configFile.path),
  );
  // Change requests, in a process that serves the full control API (set up with it, below).
  let changes: ChangeService | undefined;
  // The brain runs where the whole event stream is: not in a gateway of a cluster, not in a worker.
  const brain =
    role !== 'gateway' && kind !== 'worker'
      ? await startBrain(config, {
          bus,
          log,
          env,
          stores,
          registry: metrics.registry,
          verifyAudit: () => audit.verify(),
          decide(decision) {
            // An agent's decision on a broad range is a proposal: it waits for approval like anyone's.
            const input = {
              scope: decision.scope === 'cidr' ? ('cidr' as const) : ('ip' as const),
              value: decision.value,
              action: decision.action,
              reason: decision.reason,
              expires: decision.expires,
            };
            if (changes?.approvalsEnabled() && decision.scope === 'cidr' && changes.isBroad(input)) {
              changes
                .propose(
                  { kind: 'decision', decision: input },
                  `agent:${decision.createdBy}`,
                  decision.reason,
                  '',
                )
                .catch((err: unknown) => log.warn({ err }, 'brain: a proposed decision was refused'));
              return;
            }
            try {
              gateway.decisions.add(decision);
            } catch (err) {
              log.warn({ err, decision: decision.id }, 'brain: a decision cannot be applied');
              return;
            }
            bus.publish('decision.made', decision);
          },
        })
      : undefined;
  if (brain) closers.push(() => brain.close());
  // Retention per kind of data runs where the records are kept whole: not in a gateway of a cluster, nor a worker.
  if (role !== 'gateway' && kind !== 'worker') {
    const retention = startRetention(stores, () => config, log);
    closers.push(async () => retention.stop());
  }
  // A control process builds the data plane (its decisions and configuration are what the API shows) but
  // opens no listener for it.
  const addresses = dataPlane ? await gateway.start() : [];
  const stopGateway = () => (dataPlane ? gateway.stop() : Promise.resolve());
  closers.push(stopGateway);

  let reloading = Promise.resolve(true);
  const reload = (source: string, comment = ''): Promise<boolean> => {
    reloading = reloading.then(async () => {
      try {
        const digest = digestOf(readConfigText(configFile.path));
        // Writing the file through the API also wakes the file watcher: the same text is not applied twice.
        if (source === 'file-change' && digest === configDigest) return true;
        const next = await loadConfig(loadOptions);
        assertServable(next);
        const applied = gateway.apply(next);
        config = next;
        configDigest = digest;
        log.level = next.logging.level;
        metrics.configVersion.set(applied.version);
        metrics.configReloads.inc({ result: 'applied' });
        const author = source.includes(':') ? source : source === 'file-change' ? 'file' : source;
        version = await recordConfigVersion(
          stores.configVersions,
          next,
          digest,
          author,
          comment,
          sealText(digest, configFile.path),
        );
        await audit
          .append({
            actor: author,
            action: 'config.apply',
            target: String(version),
            outcome: 'success',
            ip: '',
            details: { source, comment },
          })
          .catch(failedAudit);
        bus.publish('config.applied', { version: applied.version, source });
        log.info({ version: applied.version, source }, 'config: reloaded');
        for (const note of applied.restartNeeded) log.warn({ source }, `config: ${note}`);
        return true;
      } catch (err) {
        const problems = err instanceof InfinisecError ? [...err.details] : [];
        metrics.configReloads.inc({ result: 'refused' });
        bus.publish('config.refused', { source, problems });
        log.error(
          { source, problems, error: err instanceof Error ? err.message : String(err) },
          'config: reload refused, the running configuration stays',
        );
        return false;
      }
    });
    return reloading;
  };

  let controlPlane: ControlPlane | undefined;
  let control: ListenerAddress | undefined;
  if (config.control.enabled && kind !== 'worker') {
    const surface = role === 'gateway' ? 'system' : 'full';
    const setupToken =
      surface === 'full' && (await stores.users.count()) === 0
        ? randomBytes(24).toString('base64url')
        : undefined;
    const decisionControl: DecisionControl = {
      list: () => gateway.decisions.list(Date.now()),
      async add(input, createdBy) {
        const value = checkedDecisionValue(input.scope, input.value);
        const decision = {
          id: `manual-${randomUUID()}`,
          ...input,
          value,
          source: 'manual' as const,
          created: Date.now(),
          createdBy,
        };
        await persistence.add(decision);
        return decision;
      },
      remove: (id) => persistence.remove(id),
      async importList(input, createdBy) {
        const result = parseDecisionImport(input.text, input.format, {
          reason: input.reason,
          durationMs: input.durationMs,
        });
        const now = Date.now();
        const added = [];
        for (const imported of result.decisions) {
          const decision = {
            id: `import-${imported.scope}-${imported.value}`,
            scope: imported.scope,
            value: imported.value,
            action: input.action,
            reason: imported.reason,
            source: 'import' as const,
            created: now,
            expires: imported.durationMs === null ? null : now + imported.durationMs,
            createdBy,
          };
          await persistence.add(decision);
          added.push(decision);
        }
        return { added, problems: result.problems };
      },
    };
    const configControl = createConfigControl({
      file: configFile.path,
      loadOptions,
      versions: stores.configVersions,
      current: () => config,
      version: () => version,
      reload: (author, comment) => reload(author, comment),
    });
    changes =
      surface === 'full'
        ? createChangeService({
            store: stores.changes,
            samples: stores.samples,
            versions: stores.configVersions,
            box,
            audit,
            log,
            config: () => config,
            file: configFile.path,
            loadOptions,
            configControl,
            decisions: decisionControl,
            notify: webhookNotifier(config.guardian.approvals.notify, env, log),
          })
        : undefined;
    const service = changes;
    if (service) {
      const expiry = setInterval(() => {
        service.expireDue().catch((err: unknown) => log.error({ err }, 'changes: expiry failed'));
      }, MINUTE);
      expiry.unref();
      closers.push(() => clearInterval(expiry));
    }
    controlPlane = await createControlPlane({
      stores: {
        users: stores.users,
        apiKeys: stores.apiKeys,
        refreshTokens: stores.refreshTokens,
        secrets: stores.secrets,
        events: stores.events,
        configVersions: stores.configVersions,
        incidents: stores.incidents,
        intruders,
        audit: stores.audit,
      },
      audit,
      box,
      bus,
      ...(surface === 'full'
        ? {
            privacy: createPrivacy(stores, {
              decisions: decisionControl,
              audit,
              key: await openFingerprintKey(stores.secrets, box),
              ipv6PrefixLength: config.defend.ipv6PrefixLength,
              liveIntruders: intruders,
            }),
          }
        : {}),
      reports: createComplianceReporter({ stores, config: () => config, env, audit, version: VERSION }),
      ...(brain ? { brain } : {}),
      decisions: decisionControl,
      config: configControl,
      ...(changes ? { changes } : {}),
      metrics: async () => ({
        contentType: metrics.registry.contentType,
        body: options.workers
          ? await AggregatorRegistry.aggregate([
              await metrics.registry.getMetricsAsJSON(),
              ...(await options.workers.metrics()),
            ]).metrics()
          : await metrics.registry.metrics(),
      }),
      ready: () => ({
        ready: !gateway.draining && (options.workers === undefined || options.workers.listening() > 0),
        detail: {
          role,
          ...(options.workers ? { workers: options.workers.listening() } : {}),
          configVersion: gateway.snapshot.version,
          ...cluster.health(),
          ...(storage.writer ? { eventsQueued: storage.writer.stats.queued } : {}),
        },
      }),
      log,
      version: VERSION,
      webRoot: WEB_ROOT,
      options: {
        accessTtlSeconds: config.control.auth.accessTokenSeconds,
        refreshTtlMs: config.control.auth.refreshTokenHours * HOUR,
        keyRotateMs: config.control.auth.signingKeyRotationHours * HOUR,
        streamMaxBufferedBytes: config.control.streamMaxBufferedBytes,
        setupToken,
        surface,
      },
    });
    const plane = controlPlane;
    closers.push(() => plane.close());
    registerStreamMetrics(metrics.registry, () => plane.stream.stats);
    control = await listen(plane.server, { host: config.control.host, port: config.control.port });
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          plane.server.close(() => resolve());
          plane.server.closeAllConnections();
        }),
    );
    if (setupToken !== undefined) options.onSetupToken?.(setupToken);
  }

  const unwatch =
    options.watch === false ? () => {} : watchConfigFile(configFile.path, () => void reload('file-change'));
  closers.push(unwatch);

  let stopping: Promise<void> | undefined;
  return {
    role,
    bus,
    registry: metrics.registry,
    cluster,
    gateway: addresses,
    control,
    demo,
    log,
    intruders,
    stores,
    storage,
    controlPlane,
    get configVersion() {
      return gateway.snapshot.version;
    },
    reload: (source) => reload(source),
    stop() {
      stopping ??= (async () => {
        // The gateway drains first, while the control listener still answers /readyz with 503.
        unwatch();
        await stopGateway();
        for (const close of closers.reverse()) if (close !== stopGateway && close !== unwatch) await close();
        log.flush();
      })();
      return stopping;
    },
  };
}

/** Checks and normalizes the value of a decision an operator sends; throws a readable Error. */
function checkedDecisionValue(scope: 'ip' | 'cidr', value: string): string {
  if (scope === 'cidr') {
    if (parseCidr(value) === undefined) throw new Error(`"${value}" is not a CIDR range`);
    return value;
  }
  if (parseAddress(value) === undefined) throw new Error(`"${value}" is not an IP address`);
  return unmapAddress(value);
}
