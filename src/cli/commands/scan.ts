import { inspectorFor } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { ALLOW_VERDICT, type Finding, InfinisecError } from '../../core/index.js';
import { formatScanJson, formatScanTable, scanCorpus } from '../../forge/scan/index.js';
import {
  buildRequestView,
  compileExclusions,
  judgeInspection,
  judgeWholeBody,
  type RawRequestParts,
  type Sensitivity,
  THRESHOLDS,
} from '../../inspect/index.js';
import { type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE =
  'usage: infinisec scan FILE.jsonl... [--sensitivity S] [--format table|json] [--misses N] [--config FILE]';

/** `infinisec scan`: runs the detection engine offline over labelled corpora and reports its accuracy. */
export const scanCommand: Command = {
  name: 'scan',
  summary: 'measure the detection engine on labelled request corpora (JSON Lines)',
  usage: `${USAGE}

  --sensitivity S   low | balanced | high | paranoid (default: inspect.sensitivity of the config)
  --format F        table (default) or json: {"overall":{...},"groups":[...]}
  --misses N        also list the first N missed attacks and N false positives
  -c, --config FILE configuration whose inspect section is used (limits, disabled analyzers, exclusions)

Each line is one request: {"id","source","category","malicious","method","target","headers":[[name,value]],
"body","body_b64"} (docs/detection.md). A request counts as caught or flagged when the action is not allow.`,
  async run(args, io) {
    const { values, positionals } = parseOptions(
      args,
      {
        sensitivity: { type: 'string' },
        format: { type: 'string', default: 'table' },
        misses: { type: 'string', default: '0' },
        config: { type: 'string', short: 'c' },
      },
      USAGE,
    );
    const usage = (detail: string) =>
      new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', detail, { details: [USAGE] });
    if (positionals.length === 0) throw usage('name at least one corpus file');
    const format = values.format;
    if (format !== 'table' && format !== 'json')
      throw usage(`--format must be table or json, not "${format}"`);
    const misses = Number(values.misses);
    if (!Number.isInteger(misses) || misses < 0) throw usage('--misses takes a whole number');
    const sensitivity = values.sensitivity;
    if (sensitivity !== undefined && !Object.hasOwn(THRESHOLDS, sensitivity as string)) {
      throw usage(`--sensitivity must be one of ${Object.keys(THRESHOLDS).join(', ')}`);
    }
    const config = await loadConfig({
      ...(typeof values.config === 'string' ? { file: values.config } : {}),
      env: io.env,
    });
    const inspector = inspectorFor(config);
    const policy = {
      sensitivity: (sensitivity as Sensitivity | undefined) ?? config.inspect.sensitivity,
      mode: 'block' as const,
      overLimit: config.inspect.limits.overLimit,
      overBudget: config.inspect.overBudget,
    };
    const exclusions = compileExclusions(config.inspect.exclusions);
    const bodyLimit = config.inspect.limits.maxBodyBytes;
    // As the gateway does: stop at the threshold, with exclusions applied as findings are made; then, for a
    // body past the inspected prefix, its rest a window at a time (inspect-stream).
    const judge = (request: RawRequestParts) => {
      const view = buildRequestView(request);
      const options = {
        decisiveScore: THRESHOLDS[policy.sensitivity],
        keep: (findings: readonly Finding[]) => exclusions(findings, '', view.path),
      };
      const inspection = inspector.inspect(view, options);
      const verdict = judgeInspection(inspection, policy);
      if (request.body === undefined) return verdict ?? ALLOW_VERDICT;
      return (
        judgeWholeBody(inspector, view, request.body, verdict, {
          policy,
          options,
          prefixFindings: inspection.findings,
          budgetMs: config.inspect.budgetMs,
          windowBytes: bodyLimit,
        }) ?? ALLOW_VERDICT
      );
    };
    const report = await scanCorpus(positionals, judge, { keepMistakes: misses }).catch(
      (cause: NodeJS.ErrnoException) => {
        throw new InfinisecError(
          'INFINISEC_ERR_CLI_USAGE',
          'cli',
          `cannot read ${cause.path ?? 'a corpus file'}: ${cause.code ?? cause.message}`,
          { cause },
        );
      },
    );
    io.out(format === 'json' ? formatScanJson(report, misses > 0) : formatScanTable(report));
    return EXIT.ok;
  },
};
