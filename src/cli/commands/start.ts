import { startInfinisec } from '../../app/index.js';
import { type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = 'usage: infinisec start [--config FILE] [--demo]';

/** `infinisec start`: runs the gateway until SIGINT or SIGTERM; SIGHUP reloads the configuration. */
export const startCommand: Command = {
  name: 'start',
  summary: 'run the gateway (and the control listener)',
  usage: `${USAGE}

  -c, --config FILE   configuration file (default: $INFINISEC_CONFIG, else ./infinisec.yaml)
      --demo          also start the bundled demo app and put the gateway in front of it

Signals: SIGHUP reloads the configuration; SIGINT and SIGTERM drain requests in flight and stop.`,
  async run(args, io) {
    const { values } = parseOptions(
      args,
      { config: { type: 'string', short: 'c' }, demo: { type: 'boolean', default: false } },
      USAGE,
    );
    let setupToken: string | undefined;
    const running = await startInfinisec({
      ...(typeof values.config === 'string' ? { configFile: values.config } : {}),
      demo: values.demo === true,
      env: io.env,
      onSetupToken: (token) => {
        setupToken = token;
      },
    });
    for (const address of running.gateway) io.out(`infinisec: gateway listening on ${address.url}\n`);
    if (running.control)
      io.out(
        `infinisec: control listening on ${running.control.url} (dashboard at /, API docs at /api/docs)\n`,
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
        `\n  Open ${running.gateway[0]!.url}/ in your browser.\n  Try ${running.gateway[0]!.url}/search?q=boots\n` +
          (running.control ? `  Watch it on the dashboard: ${running.control.url}/\n\n` : '\n'),
      );
    }
    return new Promise<number>((resolve) => {
      const stop = (signal: string) => {
        process.off('SIGHUP', hup);
        running.log.info({ signal }, 'stopping: draining requests in flight');
        void running.stop().then(() => resolve(EXIT.ok));
      };
      const hup = () => void running.reload('SIGHUP');
      process.on('SIGHUP', hup);
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
  },
};
