import type { DestinationStream, Logger } from 'pino';
import { type Config, type LoadConfigOptions, loadConfig, resolveConfigFile } from '../config/index.js';
import { createControlServer, json } from '../control/index.js';
import { createEventBus, InfinisecError, type Topics } from '../core/index.js';
import { type DemoApp, startDemoApp } from '../forge/demo/index.js';
import { createGateway, type ListenerAddress, listen } from '../gateway/index.js';
import { createMemoryIntruderSessionStore, type IntruderSessionStore } from '../store/index.js';
import { createAccessLog } from './access-log.js';
import { assertServable } from './assert-servable.js';
import { watchConfigFile } from './config-watcher.js';
import { createLogger } from './create-logger.js';
import { type DecisionPersistence, openDecisionStore, persistDecisions } from './decision-persistence.js';
import { demoConfig } from './demo-config.js';
import { inspectorFor } from './inspector-for.js';
import { labyrinthKey } from './labyrinth-key.js';
import { createLabyrinthMetrics } from './labyrinth-metrics.js';
import { createMetrics } from './metrics.js';

/** How to start. */
export interface StartOptions {
  readonly configFile?: string;
  /** Start the bundled demo app and put the gateway in front of it. */
  readonly demo?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where logs go; standard output by default. */
  readonly logDestination?: DestinationStream;
  /** Reload when the config file changes (default true). SIGHUP is the caller's to wire to `reload`. */
  readonly watch?: boolean;
}

/** A running infinisec process: gateway, control listener and, in demo mode, the demo app. */
export interface Infinisec {
  readonly gateway: readonly ListenerAddress[];
  readonly control: ListenerAddress | undefined;
  readonly demo: DemoApp | undefined;
  readonly log: Logger;
  readonly configVersion: number;
  /** The labyrinth's intruder sessions, for the control plane to list. */
  readonly intruders: IntruderSessionStore;
  /** Reads the configuration again; a valid one is swapped in, an invalid one refused. Returns which. */
  reload(source: string): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Starts infinisec: loads and validates the config, opens the gateway and control listeners, and wires the
 * event bus to metrics and logs. Throws InfinisecError (bad config, port in use) having closed what it opened.
 */
export async function startInfinisec(options: StartOptions = {}): Promise<Infinisec> {
  const env = options.env ?? process.env;
  const demo = options.demo ? await startDemoApp() : undefined;
  const loadOptions: LoadConfigOptions = {
    ...(options.configFile ? { file: options.configFile } : {}),
    env,
    ...(demo ? { base: demoConfig(demo.url) } : {}),
  };
  let config: Config;
  try {
    config = await loadConfig(loadOptions);
    assertServable(config);
  } catch (err) {
    await demo?.close();
    throw err;
  }
  const log = createLogger(config.logging, options.logDestination);
  const bus = createEventBus<Topics>((topic, err) => log.error({ err, topic }, 'event bus: listener failed'));
  const metrics = createMetrics();
  metrics.configVersion.set(1);
  bus.subscribe('security.event', metrics.record);
  bus.subscribe(
    'security.event',
    createAccessLog(log, () => config.logging.access),
  );

  const labyrinthMetrics = createLabyrinthMetrics(metrics.registry);
  const intruders = createMemoryIntruderSessionStore({ max: config.labyrinth.maxSessions });
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

  let secret: string;
  try {
    secret = labyrinthKey(config);
  } catch (err) {
    await demo?.close();
    throw err;
  }
  const gateway = createGateway(config, { bus, inspectorFor, log, labyrinthSecret: secret });
  let addresses: ListenerAddress[];
  let persistence: DecisionPersistence;
  try {
    persistence = await persistDecisions(openDecisionStore(config), gateway.decisions, bus, log);
  } catch (err) {
    await demo?.close();
    throw err;
  }
  try {
    addresses = await gateway.start();
  } catch (err) {
    await persistence.close();
    await demo?.close();
    throw err;
  }

  let control: ListenerAddress | undefined;
  const controlServer = createControlServer(
    {
      '/metrics': async () => ({
        status: 200,
        contentType: metrics.registry.contentType,
        body: await metrics.registry.metrics(),
      }),
      '/healthz': () => json(200, { status: 'ok' }),
      '/readyz': () =>
        gateway.draining
          ? json(503, { status: 'draining' })
          : json(200, { status: 'ready', configVersion: gateway.snapshot.version }),
    },
    (err) => log.error({ err }, 'control: handler failed'),
  );
  if (config.control.enabled) {
    try {
      control = await listen(controlServer, { host: config.control.host, port: config.control.port });
    } catch (err) {
      await gateway.stop();
      await persistence.close();
      await demo?.close();
      throw err;
    }
  }

  let reloading = Promise.resolve(true);
  const reload = (source: string): Promise<boolean> => {
    reloading = reloading.then(async () => {
      try {
        const next = await loadConfig(loadOptions);
        assertServable(next);
        const { version, restartNeeded } = gateway.apply(next);
        config = next;
        log.level = next.logging.level;
        metrics.configVersion.set(version);
        metrics.configReloads.inc({ result: 'applied' });
        bus.publish('config.applied', { version, source });
        log.info({ version, source }, 'config: reloaded');
        for (const note of restartNeeded) log.warn({ source }, `config: ${note}`);
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

  const configFile = resolveConfigFile(options.configFile, env);
  const unwatch =
    options.watch === false ? () => {} : watchConfigFile(configFile.path, () => void reload('file-change'));

  let stopping: Promise<void> | undefined;
  return {
    gateway: addresses,
    control,
    demo,
    log,
    intruders,
    get configVersion() {
      return gateway.snapshot.version;
    },
    reload,
    stop() {
      stopping ??= (async () => {
        unwatch();
        await gateway.stop();
        await persistence.close();
        await new Promise<void>((resolve) => {
          controlServer.close(() => resolve());
          controlServer.closeAllConnections();
        });
        await demo?.close();
        log.flush();
      })();
      return stopping;
    },
  };
}
