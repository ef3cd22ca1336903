import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Infinisec, startInfinisec } from '../../src/app/index.js';
import type { ConfigInput } from '../../src/config/index.js';
import { makeTempDir } from './temp-dir.js';

/** A gateway started with `startInfinisec` inside the test process. */
export interface InProcessGateway {
  readonly app: Infinisec;
  /** The first gateway listener, and its port. */
  readonly url: string;
  readonly port: number;
  readonly controlUrl: string;
  /** Log lines written so far, parsed. */
  readonly logs: readonly Record<string, unknown>[];
  /** The one-time setup token, when the store had no users at start. */
  readonly setupToken: string | undefined;
  /** Rewrites the config file and reloads it; resolves to whether the new config was applied. */
  reload(config: ConfigInput): Promise<boolean>;
  stop(): Promise<void>;
}

/** Starts infinisec in this process on a temp config file, with no file watching and logs captured. */
export async function startInProcess(config: ConfigInput): Promise<InProcessGateway> {
  const dir = makeTempDir();
  const configFile = join(dir.path, 'infinisec.yaml');
  const write = (next: ConfigInput) => writeFileSync(configFile, JSON.stringify(next));
  write(config);
  const logs: Record<string, unknown>[] = [];
  let setupToken: string | undefined;
  let app: Infinisec;
  try {
    app = await startInfinisec({
      configFile,
      env: {},
      watch: false,
      logDestination: { write: (line: string) => void logs.push(JSON.parse(line)) },
      onSetupToken: (token) => {
        setupToken = token;
      },
    });
  } catch (err) {
    dir.remove();
    throw err;
  }
  const first = app.gateway[0]!;
  return {
    app,
    url: first.url,
    port: first.port,
    controlUrl: app.control?.url ?? '',
    logs,
    setupToken,
    reload: (next) => {
      write(next);
      return app.reload('test');
    },
    stop: async () => {
      await app.stop();
      dir.remove();
    },
  };
}
