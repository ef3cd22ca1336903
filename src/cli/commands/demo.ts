import {
  type Demo,
  formatColumns,
  formatStep,
  formatSummary,
  playWave,
  startDemo,
  type WaveReport,
} from '../../app/demo-wave/index.js';
import { InfinisecError } from '../../core/index.js';
import { type CliIo, type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = 'usage: infinisec demo [--port N] [--keep] [--json] [--data-dir DIR]';

function portOf(value: string | boolean | undefined): number {
  if (value === undefined) return 0;
  const port = typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65535))
    throw new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', `--port: "${String(value)}" is not a port`, {
      details: [USAGE],
    });
  return port;
}

function heading(demo: Demo): string {
  const { running, actors } = demo;
  const cast = Object.values(actors)
    .map((a) => `${a.name} ${a.address}`)
    .join(', ');
  return (
    'infinisec demo: an attack wave against the gateway in front of the demo shop\n' +
    `  gateway    ${running.gateway[0]!.url}  (the shop behind it: ${running.demo?.url ?? '?'})\n` +
    (running.control ? `  dashboard  ${running.control.url}/\n` : '') +
    `  data       ${demo.dataDir}${demo.temporary ? ' (temporary)' : ''}\n` +
    `  actors     ${cast}\n\n${formatColumns()}`
  );
}

/** With --keep: where to look, and how to sign in the first time (the token on stderr, as `start` does). */
function tellWhereToLook(demo: Demo, report: WaveReport, say: (text: string) => void, io: CliIo): void {
  const control = demo.running.control;
  if (control === undefined) return;
  say(
    `\ninfinisec: still running (Ctrl-C stops it${demo.temporary ? ' and removes the temporary data' : ''}).\n` +
      `  Dashboard: ${control.url}/  (events, intruders and decisions of the wave)\n` +
      `  The shop through the gateway: ${report.gateway}/\n`,
  );
  if (demo.setupToken !== undefined)
    io.err(
      `infinisec: no users yet. Open ${control.url}/#/setup/${demo.setupToken} to create the first admin,\n` +
        `  or POST /api/setup with the one-time token: ${demo.setupToken}\n`,
    );
}

function untilSignal(demo: Demo, status: number): Promise<number> {
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void demo.stop().then(() => resolve(status));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `infinisec demo`: the gateway, the demo shop and the dashboard, and an attack wave played against them. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'play a scripted attack wave against a gateway in front of the demo shop',
  usage: `${USAGE}

      --port N         gateway port (default: a free one)
      --keep           keep running after the wave, to look at it on the dashboard; Ctrl-C stops
      --json           print the report as JSON instead of the timeline
      --data-dir DIR   keep the state there (default: a temporary folder, removed at the end)

Starts the gateway, the demo shop behind it and the dashboard, then plays an attack wave over HTTP on
loopback, each actor from its own 127.0.0.N address: a shopper, an SQL injection, a scanner, a partner
using what the scanner found, a credential stuffer. Prints what each did, what the gateway did and how fast,
and whether each step got its expected outcome (exit status 0 when all did, 1 otherwise).`,
  async run(args, io) {
    const { values } = parseOptions(
      args,
      {
        port: { type: 'string' },
        keep: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
      },
      USAGE,
    );
    const json = values.json === true;
    const port = portOf(values.port);
    const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
    const demo = await startDemo({ port, env: io.env, ...(dataDir === undefined ? {} : { dataDir }) });
    // Ctrl-C in the middle of the wave still stops everything and removes the temporary data.
    const interrupted = () => {
      void demo.stop().finally(() => process.exit(130));
    };
    process.once('SIGINT', interrupted);
    let report: WaveReport;
    try {
      if (!json) io.out(heading(demo));
      report = await playWave(demo, json ? undefined : (step) => io.out(formatStep(step)));
    } catch (err) {
      await demo.stop();
      throw err;
    } finally {
      process.off('SIGINT', interrupted);
    }
    io.out(json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report.steps, report.durationMs));
    const status = report.ok ? EXIT.ok : EXIT.failure;
    if (values.keep === true) {
      tellWhereToLook(demo, report, json ? io.err : io.out, io);
      return untilSignal(demo, status);
    }
    // A wave that went wrong leaves its temporary data dir, for the gateway's log.
    const keepData = !report.ok && demo.temporary;
    await demo.stop(keepData);
    if (keepData) io.err(`infinisec: the gateway's log is kept in ${demo.logFile}\n`);
    return status;
  },
};
