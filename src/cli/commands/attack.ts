import { InfinisecError } from '../../core/index.js';
import {
  attackReportSchema,
  baselinePath,
  buildAttackReport,
  canSendFromLoopbackRange,
  createProgress,
  createSourceAddresses,
  formatAttackHtml,
  formatAttackTable,
  loadCorpus,
  readBaseline,
  renderAttackReportJsonSchema,
  resolveAttackTarget,
  runAttack,
  SCENARIOS,
  type Scenario,
  unreachableReason,
  writeFileAtomic,
} from '../../forge/attack/index.js';
import { type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE =
  'usage: infinisec attack URL [--scenario NAME]... [--corpus FILE.jsonl]... [--json FILE] [--html FILE]\n' +
  '                        [--baseline FILE] [--allow-host HOST]... [--max-requests N] [--max-seconds S]';

const usage = (detail: string) =>
  new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', detail, { details: [USAGE] });

function whole(value: unknown, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw usage(`${name} takes a whole number from ${min} to ${max}`);
  return n;
}

function chooseScenarios(names: readonly string[]): Scenario[] {
  const wanted = names
    .flatMap((n) => n.split(','))
    .map((n) => n.trim())
    .filter((n) => n !== '');
  return wanted.map((name) => {
    const scenario = SCENARIOS.get(name);
    if (scenario === undefined)
      throw usage(`unknown scenario "${name}"; the scenarios are ${[...SCENARIOS.keys()].join(', ')}`);
    return scenario;
  });
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + word.length + 1 > width) {
      lines.push(indent + line);
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, indent + line].join('\n');
}

/** `infinisec attack`: attacks a gateway on this machine and reports how every attack was answered. */
export const attackCommand: Command = {
  name: 'attack',
  summary: 'attack a gateway on this machine with generated attacks and report how it answered',
  usage: `${USAGE}

  -s, --scenario NAME   run only these scenarios (repeat, or separate with commas); default: all of them,
                        or none when --corpus is given
      --corpus FILE     replay a JSON Lines corpus (docs/detection.md), one scenario per category
      --json FILE       also write the report as JSON (schema: docs/attack-report.schema.json)
      --html FILE       also write the report as a self-contained HTML page
      --baseline FILE   the report to compare with, replaced by this one at the end (default:
                        attack-last.json beside --json, else .infinisec/attack-last.json)
      --allow-host HOST attack this host although it is not loopback (it must be yours)
      --max-requests N  requests in the whole run (default 2000)
      --max-seconds S   seconds for the whole run (default 120)
      --seed N          seed of the generated payloads (default 1): the same seed sends the same requests
      --spread          send each payload request from a loopback address of its own
      --insecure        do not verify the certificate of an https target
      --fail-under N    exit with status 1 when the resilience score is below N
      --list            list the scenarios
      --report-schema   print the JSON Schema of the report

Scenarios (--list says what each sends):
${wrap([...SCENARIOS.keys()].join(', '), 100, '  ')}

Only loopback targets are attacked unless --allow-host names the host. Outcomes, verdicts and the
resilience score are explained in docs/attack.md.`,
  async run(args, io) {
    const { values, positionals } = parseOptions(
      args,
      {
        scenario: { type: 'string', short: 's', multiple: true },
        corpus: { type: 'string', multiple: true },
        json: { type: 'string' },
        html: { type: 'string' },
        baseline: { type: 'string' },
        'allow-host': { type: 'string', multiple: true },
        'max-requests': { type: 'string', default: '2000' },
        'max-seconds': { type: 'string', default: '120' },
        seed: { type: 'string', default: '1' },
        spread: { type: 'boolean', default: false },
        insecure: { type: 'boolean', default: false },
        'fail-under': { type: 'string' },
        list: { type: 'boolean', default: false },
        'report-schema': { type: 'boolean', default: false },
      },
      USAGE,
    );
    if (values['report-schema'] === true) {
      io.out(renderAttackReportJsonSchema());
      return EXIT.ok;
    }
    if (values.list === true) {
      const width = Math.max(...[...SCENARIOS.keys()].map((n) => n.length));
      for (const s of SCENARIOS.values())
        io.out(`${s.name.padEnd(width)}  ${s.kind.padEnd(9)}  ${s.summary}\n`);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw usage('name one URL to attack, e.g. http://127.0.0.1:8080');
    const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
    const maxRequests = whole(values['max-requests'], '--max-requests', 1, 100_000);
    const maxSeconds = whole(values['max-seconds'], '--max-seconds', 1, 3600);
    const seed = whole(values.seed, '--seed', 0, 2 ** 31 - 1);
    const failUnder =
      values['fail-under'] === undefined ? undefined : whole(values['fail-under'], '--fail-under', 0, 100);
    const corpora = list(values.corpus);
    const named = chooseScenarios(list(values.scenario));
    const target = await resolveAttackTarget(positionals[0]!, list(values['allow-host']), {
      verifyTls: values.insecure !== true,
    });

    const scenarios: Scenario[] = named.length > 0 || corpora.length > 0 ? named : [...SCENARIOS.values()];
    for (const file of corpora) {
      const corpus = await loadCorpus(file, maxRequests).catch((cause: NodeJS.ErrnoException) => {
        throw usage(`cannot read ${file}: ${cause.code ?? cause.message}`);
      });
      for (const problem of corpus.problems.slice(0, 10)) io.err(`infinisec: skipped ${problem}\n`);
      if (corpus.problems.length > 10)
        io.err(`infinisec: and ${corpus.problems.length - 10} more lines skipped\n`);
      scenarios.push(...corpus.scenarios);
    }

    if (scenarios.length === 0) throw usage('nothing to run: the corpus holds no request');

    const ipv4 = /^\d+\.\d+\.\d+\.\d+$/.test(target.endpoint.address);
    const distinct = target.loopback && ipv4 && (await canSendFromLoopbackRange());
    const json = typeof values.json === 'string' ? values.json : undefined;
    const statePath = baselinePath({
      ...(typeof values.baseline === 'string' ? { baseline: values.baseline } : {}),
      ...(json !== undefined ? { json } : {}),
      cwd: process.cwd(),
    });
    const previous = readBaseline(statePath);
    if (previous.problem !== undefined) io.err(`infinisec: no baseline: ${previous.problem}\n`);

    const sources = createSourceAddresses(distinct);
    const unreachable = await unreachableReason(target, sources.next());
    if (unreachable !== undefined)
      throw new InfinisecError(
        'INFINISEC_ERR_UPSTREAM_UNREACHABLE',
        'attack',
        `${target.origin}: ${unreachable}`,
      );

    const progress = createProgress({
      isTTY: process.stderr.isTTY === true,
      columns: process.stderr.columns,
      write: io.err,
    });
    const run = await runAttack({
      target,
      scenarios,
      maxRequests,
      maxSeconds,
      seed,
      spread: values.spread === true,
      sources,
      onProgress: progress.update,
    }).finally(() => progress.end());
    const report = attackReportSchema.parse(buildAttackReport(run, previous.report));

    io.out(formatAttackTable(report));
    const text = `${JSON.stringify(report, null, 2)}\n`;
    const write = (path: string, content: string) => {
      try {
        writeFileAtomic(path, content);
      } catch (cause) {
        throw new InfinisecError('INFINISEC_ERR_STATE', 'attack', `cannot write ${path}`, { cause });
      }
    };
    if (json !== undefined) write(json, text);
    if (typeof values.html === 'string') write(values.html, formatAttackHtml(report));
    write(statePath, text);
    return failUnder !== undefined && report.score < failUnder ? EXIT.failure : EXIT.ok;
  },
};
