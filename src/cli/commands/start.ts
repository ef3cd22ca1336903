import cluster from 'node:cluster';
import {
  configuredWorkers,
  type Infinisec,
  runWorker,
  type StartOptions,
  startInfinisec,
  startPrimary,
} from '../../app/index.js';
import { InfinisecError } from '../../core/index.js';
import type { ListenerAddress } from '../../gateway/index.js';
import { type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = 'usage: infinisec start [--config FILE] [--role all|gateway|control] [--demo]';

/** `infinisec start`: runs the gateway until SIGINT or SIGTERM; SIGHUP reloads the configuration. */
export const startCommand: Command = {
  name: 'start',
  summary: 'run the gateway (and the control listener)',
  usage: `${USAGE}

  -c, --config FILE   configuration file (default: $INFINISEC_CONFIG, else ./infinisec.yaml)
      --role ROLE     what this process runs (default: cluster.role of the config, else all):
                        all       the gateway, the control plane and event storage
                        gateway   only the data plane; the control port serves /healthz, /readyz, /metrics
                        control   only the control plane (API, dashboard) and event storage
      --demo          also start the bundled demo app and put the gateway in front of it

Signals: SIGHUP reloads the configuration; SIGINT and SIGTERM drain requests in flight and stop.`,
  async run(args, io) {
    const { values } = parseOptions(
      args,
      {
        config: { type: 'string', short: 'c' },
        role: { type: 'string' },
        demo: { type: 'boolean', default: false },
      },
      USAGE,
    );
    const role = values.role;
    if (role !== undefined && role !== 'all' && role !== 'gateway' && role !== 'control')
      throw new InfinisecError(
        'INFINISEC_ERR_CLI_USAGE',
        'cli',
        `--role must be all, gateway or control, not "${role}"`,
        {
          details: [USAGE],
        },
      );
    const startOptions: StartOptions = {
      ...(typeof values.config === 'string' ? { configFile: values.config } : {}),
      demo: values.demo === true,
      ...(role !== undefined ? { role } : {}),
      env: io.env,
    };
    // A worker forked by the primary below: it serves until the primary tells it to stop.
    if (cluster.isWorker) {
      await runWorker(startOptions);
      return EXIT.ok;
    }
    const workers = values.demo === true ? 1 : await configuredWorkers(startOptions);
    let setupToken: string | undefined;
    const withToken = {
      ...startOptions,
      onSetupToken: (token: string) => {
        setupToken = token;
      },
    };
    let gateway: readonly ListenerAddress[];
    let running: Infinisec;
    let stopAll: () => Promise<void>;
    if (workers > 1 && (role ?? 'all') !== 'control') {
      const primary = await startPrimary(withToken, workers);
      running = primary.running;
      gateway = await primary.listening;
      stopAll = () => primary.stop();
      io.out(`infinisec: ${workers} gateway workers\n`);
    } else {
      running = await startInfinisec(withToken);
      gateway = running.gateway;
      stopAll = () => running.stop();
    }
    for (const address of gateway) io.out(`infinisec: gateway listening on ${address.url}\n`);
    if (running.control)
      io.out(
        running.role === 'gateway'
          ? `infinisec: control listening on ${running.control.url} (/healthz, /readyz and /metrics only)\n`
          : `infinisec: control listening on ${running.control.url} (dashboard at /, API docs at /api/docs)\n`,
      );
    if (setupToken !== undefined && running.control) {
      // On the terminal's error stream, never in the JSON log: the token is a credential until it is used.
      io.err(
        `infinisec: no users yet. Open ${running.control.url}/#/setup/${setupToken} to create the first admin,\n` +
          `  or run \`infinisec users add NAME --role admin\`, or POST /api/setup with the one-time token: ${setupToken}\n`,
      );
    }
    if (running.demo) {
      io.out(`infinisec: demo app at ${running.demo.url}, behind the gateway\n`);
      io.out(
        `\n  Open ${gateway[0]!.url}/ in your browser.\n  Try ${gateway[0]!.url}/search?q=boots\n` +
          (running.control ? `  Watch it on the dashboard: ${running.control.url}/\n\n` : '\n'),
      );
    }
    return new Promise<number>((resolve) => {
      const stop = (signal: string) => {
        process.off('SIGHUP', hup);
        running.log.info({ signal }, 'stopping: draining requests in flight');
        void stopAll().then(() => resolve(EXIT.ok));
      };
      const hup = () => void running.reload('SIGHUP');
      process.on('SIGHUP', hup);
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
  },
};
