import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { ENV_PREFIX } from '../../config/index.js';
import { InfinisecError } from '../../core/index.js';
import { type Infinisec, startInfinisec } from '../start-infinisec.js';
import { type Actors, chooseActors } from './actors.js';
import { waveConfig } from './wave-config.js';

/** How to start the demo. */
export interface DemoOptions {
  /** Gateway port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Where state is kept; a fresh temporary folder by default, removed at the end. */
  readonly dataDir?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** infinisec running for the wave: gateway, demo shop and control plane, on a data dir of its own. */
export interface Demo {
  readonly running: Infinisec;
  readonly actors: Actors;
  readonly dataDir: string;
  /** The data dir was made for this run (and goes with it). */
  readonly temporary: boolean;
  readonly configFile: string;
  readonly logFile: string;
  /** The one-time token to create the first admin, when the data dir has no users yet. */
  readonly setupToken: string | undefined;
  /** Stops everything; `keepData` leaves a temporary data dir in place (to read its log). */
  stop(keepData?: boolean): Promise<void>;
}

// How far back the maze sessions of an earlier run still hold their clients (labyrinth.holdMs).
const HOUR = 3_600_000;

/** The environment without INFINISEC_*: neither the user's config file nor their data dir may leak in. */
function isolated(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith(ENV_PREFIX)));
}

/** Addresses an earlier run in the same data dir left a decision or a maze session on. */
async function addressesInUse(running: Infinisec): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const decision of await running.stores.decisions.list(Date.now())) taken.add(decision.value);
  for (const session of await running.intruders.list({ since: Date.now() - HOUR, limit: 1000 }))
    taken.add(session.client.ip);
  return taken;
}

/**
 * Starts infinisec in demo mode with the wave's settings laid over it (written to `demo.yaml` in the data
 * dir, which is also the configuration file the dashboard edits), its JSON log in `demo.log` there, and
 * picks the actors' addresses. Throws what `startInfinisec` throws, having removed a temporary data dir.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const temporary = options.dataDir === undefined;
  const dataDir =
    options.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'infinisec-demo-')) : resolve(options.dataDir);
  const configFile = join(dataDir, 'demo.yaml');
  const logFile = join(dataDir, 'demo.log');
  const removeTemp = () => {
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  let log: ReturnType<typeof createWriteStream> | undefined;
  const closeLog = () =>
    new Promise<void>((done) => {
      if (log === undefined || log.closed) done();
      else log.end(() => done());
    });
  try {
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      writeFileSync(configFile, stringify(waveConfig({ port: options.port ?? 0, dataDir })), { mode: 0o600 });
    } catch (cause) {
      throw new InfinisecError('INFINISEC_ERR_STATE', 'demo', `${dataDir}: ${(cause as Error).message}`, {
        cause,
      });
    }
    const stream = createWriteStream(logFile, { flags: 'a', mode: 0o600 });
    // The log is for reading afterwards: a disk that fills up must not stop the wave.
    stream.on('error', () => {});
    log = stream;
    let setupToken: string | undefined;
    const running = await startInfinisec({
      configFile,
      demo: true,
      env: isolated(options.env ?? process.env),
      watch: false,
      logDestination: { write: (line: string) => void stream.write(line) },
      onSetupToken: (token) => {
        setupToken = token;
      },
    });
    let actors: Actors;
    try {
      actors = chooseActors(await addressesInUse(running));
    } catch (err) {
      await running.stop();
      throw err;
    }
    let stopping: Promise<void> | undefined;
    return {
      running,
      actors,
      dataDir,
      temporary,
      configFile,
      logFile,
      setupToken,
      stop(keepData = false) {
        stopping ??= (async () => {
          await running.stop();
          await closeLog();
          if (!keepData) removeTemp();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await closeLog();
    removeTemp();
    throw err;
  }
}
