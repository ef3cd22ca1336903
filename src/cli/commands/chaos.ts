import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { openStores } from '../../app/index.js';
import { issueProblems, problemLine, readableIssueMessage } from '../../config/format-issue.js';
import { loadConfig } from '../../config/index.js';
import { parseConfigYaml } from '../../config/parse-config-yaml.js';
import { InfinisecError } from '../../core/index.js';
import {
  type ChaosReport,
  checkExperiment,
  type Experiment,
  experimentHostProblems,
  FAULT_KINDS,
  formatChaosSummary,
  formatDuration,
  formatListenAddress,
  runExperiment,
  type TimelineEvent,
} from '../../forge/chaos/index.js';
import { createAuditLog } from '../../guardian/index.js';
import { type CliIo, type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = `usage: infinisec chaos run FILE [--report FILE] [--allow-host HOST]... [--quiet] [-c FILE]
       infinisec chaos validate FILE [--allow-host HOST]...`;

/** Exit status of a run whose steady state broke (or that was interrupted): faults were lifted early. */
export const EXIT_ABORTED = 3;

function usage(message: string): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', message, { details: [USAGE] });
}

/** Reads, parses and validates an experiment file; every problem, hosts included, is reported at once. */
async function readExperiment(file: string, allowHosts: readonly string[]): Promise<Experiment> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new InfinisecError('INFINISEC_ERR_CONFIG_READ', 'chaos', `${file}: ${code}`, { cause });
  }
  const check = checkExperiment(parseConfigYaml(text, file), readableIssueMessage);
  const problems = check.ok
    ? experimentHostProblems(check.experiment, allowHosts)
    : check.issues.flatMap(issueProblems);
  if (check.ok && problems.length === 0) return check.experiment;
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  throw new InfinisecError('INFINISEC_ERR_CONFIG_INVALID', 'chaos', `${count} in ${file}`, {
    details: problems.map(problemLine),
  });
}

/** What the audit log keeps of an experiment: its shape, never probe headers (they may carry credentials). */
function auditFacts(experiment: Experiment, file: string, proxyUrl: string) {
  const hypothesis = experiment.steadyState;
  return {
    experiment: experiment.name,
    file: resolve(file),
    upstream: experiment.upstream,
    proxy: proxyUrl,
    durationMs: experiment.duration,
    faults: experiment.faults.map(({ name, type, options, match, duration }) => ({
      name,
      type,
      options,
      match,
      ...(duration === undefined ? {} : { durationMs: duration }),
    })),
    schedule: experiment.schedule,
    steadyState: hypothesis && {
      probe: `${hypothesis.probe.method} ${hypothesis.probe.url}`,
      rate: hypothesis.probe.rate,
      windowMs: hypothesis.window,
      maxErrorPercent: hypothesis.maxErrorPercent,
      maxP99Ms: hypothesis.maxP99,
    },
  };
}

function describeEvent(event: TimelineEvent): string {
  const at = `+${formatDuration(event.atMs)}`.padEnd(8);
  switch (event.event) {
    case 'armed':
      return `${at} fault ${event.fault} armed (round ${event.round})\n`;
    case 'lifted':
      return `${at} fault ${event.fault} lifted (round ${event.round})\n`;
    case 'aborted':
      return `${at} ABORTED, every fault lifted: ${event.detail ?? ''}\n`;
    default:
      return `${at} ended${event.detail ? `: ${event.detail}` : ''}\n`;
  }
}

// 2024-05-01T12:00:00.000Z → 20240501T120000Z: sorts by time and is a valid file name everywhere.
function fileStamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

async function run(
  file: string,
  values: Readonly<Record<string, unknown>>,
  allowHosts: readonly string[],
  io: CliIo,
): Promise<number> {
  const experiment = await readExperiment(file, allowHosts);
  const config = await loadConfig({
    ...(typeof values.config === 'string' ? { file: values.config } : {}),
    env: io.env,
  });
  if (config.store.driver === 'memory')
    throw usage('store.driver is memory: an experiment must be recorded in a durable audit log');
  const stores = await openStores(config);
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => interrupt.abort(signal);
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const audit = createAuditLog(stores.audit);
    const quiet = values.quiet === true;
    let facts: ReturnType<typeof auditFacts> | undefined;
    const report: ChaosReport = await runExperiment(experiment, {
      allowHosts,
      signal: interrupt.signal,
      async onStarted({ proxyUrl }) {
        facts = auditFacts(experiment, file, proxyUrl);
        await audit.append({
          actor: 'cli',
          action: 'chaos.started',
          target: experiment.name,
          outcome: 'success',
          ip: '',
          details: facts,
        });
        if (!quiet) {
          io.out(
            `experiment ${experiment.name}: fault proxy on ${proxyUrl} → ${experiment.upstream} for ${formatDuration(experiment.duration)}\n`,
          );
        }
      },
      onEvent: quiet ? undefined : (event) => io.out(describeEvent(event)),
    });
    const aborted = report.outcome === 'aborted';
    await audit.append({
      actor: 'cli',
      action: aborted ? 'chaos.aborted' : 'chaos.completed',
      target: experiment.name,
      outcome: report.outcome === 'completed' ? 'success' : 'failure',
      ip: '',
      details: {
        ...facts,
        result: report.outcome,
        reason: report.reason,
        elapsedMs: report.elapsedMs,
        injected: Object.fromEntries(report.faults.map((f) => [f.name, f.injected])),
        window: report.steadyState?.window ?? null,
      },
    });
    const target =
      typeof values.report === 'string'
        ? values.report
        : join(config.store.dataDir, 'chaos', `${experiment.name}-${fileStamp(report.startedAt)}.json`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, `${JSON.stringify(report, null, 2)}\n`);
    io.out(formatChaosSummary(report));
    io.out(`report: ${target}\n`);
    if (aborted) return EXIT_ABORTED;
    return report.outcome === 'completed' ? EXIT.ok : EXIT.failure;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await stores.close();
  }
}

/** `infinisec chaos`: runs a fault-injection experiment against an upstream, or checks its file. */
export const chaosCommand: Command = {
  name: 'chaos',
  summary: 'run a chaos experiment (fault proxy + steady-state probes), or validate its file',
  usage: `${USAGE}

  run        starts a fault proxy on the experiment's \`listen\` address, forwarding to its \`upstream\`
             (point the gateway's upstream target at the proxy), injects the faults on schedule and
             probes the steady state; aborts at once, lifting every fault, when a check breaks
  validate   checks the experiment file: every problem with its path; exit status 0 or 2

  --report FILE       where the JSON report goes (default: <store.dataDir>/chaos/<name>-<time>.json)
  --allow-host HOST   a host other than loopback the experiment may reach (repeatable)
  --quiet             no progress lines, only the summary
  -c, --config FILE   configuration whose store keeps the audit log (chaos.started, chaos.completed,
                      chaos.aborted) and whose store.dataDir keeps the reports

exit status: 0 completed with the steady state held, 3 aborted (a check broke, or SIGINT/SIGTERM),
1 inconclusive (too few probe outcomes) or a failure, 2 a bad file or command line

fault types: ${Object.keys(FAULT_KINDS).join(', ')} (docs/chaos.md)`,
  async run(args, io) {
    const { values, positionals } = parseOptions(
      args,
      {
        config: { type: 'string', short: 'c' },
        report: { type: 'string' },
        'allow-host': { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
      },
      USAGE,
    );
    const [verb, file, ...rest] = positionals;
    if (verb !== 'run' && verb !== 'validate')
      throw usage(verb ? `unknown action "${verb}"` : 'missing action');
    if (file === undefined) throw usage('name the experiment file');
    if (rest.length > 0) throw usage(`unexpected "${rest[0]}"`);
    const allowHosts = (values['allow-host'] as unknown as string[] | undefined) ?? [];
    if (verb === 'run') return run(file, values, allowHosts, io);
    const experiment = await readExperiment(file, allowHosts);
    const rounds = experiment.schedule.times;
    io.out(
      `experiment ok: ${experiment.name}, ${experiment.faults.length} fault${experiment.faults.length === 1 ? '' : 's'} (${experiment.faults.map((f) => `${f.name}: ${f.type}`).join(', ')}), ${rounds} round${rounds === 1 ? '' : 's'}, ${formatDuration(experiment.duration)}, proxy ${formatListenAddress(experiment.listen)} → ${experiment.upstream}${experiment.steadyState ? '' : ', no steady-state hypothesis'}\n`,
    );
    return EXIT.ok;
  },
};
