import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ConfigInput } from '../../src/config/index.js';
import { makeTempDir } from './temp-dir.js';

/** The repository root, where bin/ and dist/ are. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'infinisec.js');

/** The environment for a child: ours, without INFINISEC_* (a stray one would change or break its config). */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('INFINISEC_') && name !== 'NODE_OPTIONS') env[name] = value;
  }
  return { ...env, ...extra };
}

/** Fails early, with the fix, when the CLI has not been compiled. */
export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/cli/main.js is missing: run `npm run build` before the e2e tests');
  }
}

/** How a child process ended. */
export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A gateway running as `node bin/infinisec.js start --config <file>`. */
export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** The first gateway listener, e.g. http://127.0.0.1:40123, and its port. */
  readonly url: string;
  readonly port: number;
  /** The control listener (/metrics, /healthz, /readyz). */
  readonly controlUrl: string;
  readonly configFile: string;
  /** Every line the process wrote on stdout so far. */
  readonly lines: readonly string[];
  readonly stderr: () => string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /**
   * Replaces the config file atomically, by renaming a new file over it (the process reloads on the change,
   * or on SIGHUP). Atomic, so that the watcher never reads it half written.
   */
  writeConfig(config: ConfigInput | string): void;
  /** Waits for a stdout line, from line number `from` on (already written or to come), that `match` accepts. */
  waitForLine(match: (line: string) => boolean, options?: WaitOptions): Promise<string>;
  /** Waits for a JSON log line that `match` accepts. */
  waitForLog(match: (entry: LogEntry) => boolean, options?: WaitOptions): Promise<LogEntry>;
  /** Kills the process if it still runs (SIGKILL) and removes its temp folder. */
  cleanup(): Promise<void>;
}

/** Where a wait starts (a line number; 0, the first line, by default) and how long it may take. */
export interface WaitOptions {
  readonly from?: number;
  readonly timeoutMs?: number;
}

/** One pino log line. */
export type LogEntry = Record<string, unknown> & { msg?: string };

function parseLog(line: string): LogEntry | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as LogEntry;
  } catch {
    return undefined;
  }
}

function render(config: ConfigInput | string): string {
  // JSON is YAML: a config object is written as JSON, so no YAML library is needed here.
  return typeof config === 'string' ? config : `${JSON.stringify(config, null, 2)}\n`;
}

/** Extra arguments for `start`, and which listening lines to wait for (both by default). */
export interface SpawnOptions {
  readonly args?: readonly string[];
  /** Environment variables for the child, on top of ours without INFINISEC_*. */
  readonly env?: Record<string, string>;
  readonly listeners?: readonly ('gateway' | 'control')[];
}

/**
 * Writes `config` to a temp file, starts the real CLI on it and waits for its "gateway listening on" and
 * "control listening on" lines (those of `options.listeners`).
 */
export async function spawnGateway(
  config: ConfigInput | string,
  options: SpawnOptions = {},
): Promise<GatewayProcess> {
  const listeners = options.listeners ?? ['gateway', 'control'];
  assertBuilt();
  const dir = makeTempDir();
  const configFile = join(dir.path, 'infinisec.yaml');
  writeFileSync(configFile, render(config));
  const child = spawn(process.execPath, [BIN, 'start', '--config', configFile, ...(options.args ?? [])], {
    cwd: dir.path,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters) wake();
  });
  child.stderr!.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
      for (const wake of waiters) wake();
    }),
  );

  const waitForLine = (
    match: (line: string) => boolean,
    { from = 0, timeoutMs = 10_000 }: WaitOptions = {},
  ) =>
    new Promise<string>((resolve, reject) => {
      let checked = from;
      const check = () => {
        for (; checked < lines.length; checked++) {
          if (match(lines[checked]!)) return done(() => resolve(lines[checked]!));
        }
        if (exit) done(() => reject(new Error(`gateway exited (${JSON.stringify(exit)}): ${stderr}`)));
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`gateway: no such line in ${timeoutMs} ms; stderr: ${stderr}`))),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });

  const cleanup = async () => {
    if (exit === undefined) {
      child.kill('SIGKILL');
      await exited;
    }
    dir.remove();
  };

  try {
    const gatewayLine = listeners.includes('gateway')
      ? await waitForLine((line) => line.includes('gateway listening on '))
      : 'gateway listening on http://127.0.0.1:0';
    const controlLine = listeners.includes('control')
      ? await waitForLine((line) => line.includes('control listening on '))
      : 'control listening on http://127.0.0.1:0';
    const url = /gateway listening on (\S+)/.exec(gatewayLine)![1]!;
    const controlUrl = /control listening on (\S+)/.exec(controlLine)![1]!;
    return {
      child,
      pid: child.pid!,
      url,
      port: Number(new URL(url).port),
      controlUrl,
      configFile,
      lines,
      stderr: () => stderr,
      exited,
      writeConfig: (next) => {
        const staged = `${configFile}.next`;
        writeFileSync(staged, render(next));
        renameSync(staged, configFile);
      },
      waitForLine,
      waitForLog: async (match, options) => {
        const line = await waitForLine((l) => {
          const entry = parseLog(l);
          return entry !== undefined && match(entry);
        }, options);
        return parseLog(line)!;
      },
      cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
