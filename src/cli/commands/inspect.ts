import { inspectorFor } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { ALLOW_VERDICT, InfinisecError } from '../../core/index.js';
import {
  buildRequestView,
  judgeInspection,
  judgeWholeBody,
  type RawRequestParts,
} from '../../inspect/index.js';
import { type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { parseRawRequest } from '../parse-raw-request.js';

const USAGE =
  'usage: infinisec inspect [--method M] [--target T] [--header "Name: value"]... [--body TEXT] [--json] < raw-request';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `infinisec inspect`: judges one request and shows each finding with its evidence and transforms. */
export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'judge one request (raw HTTP on stdin, or flags) and show the findings',
  usage: `${USAGE}

Without --target, the raw request is read from standard input, e.g.
  printf 'GET /search?q=1%%27%%20or%%201=1-- HTTP/1.1\\r\\nHost: shop\\r\\n\\r\\n' | infinisec inspect`,
  async run(args, io) {
    const { values } = parseOptions(
      args,
      {
        method: { type: 'string', default: 'GET' },
        target: { type: 'string' },
        header: { type: 'string', multiple: true },
        body: { type: 'string' },
        json: { type: 'boolean', default: false },
        config: { type: 'string', short: 'c' },
      },
      USAGE,
    );
    let request: RawRequestParts | string;
    if (typeof values.target === 'string') {
      const rawHeaders = ((values.header as unknown as string[] | undefined) ?? []).flatMap((h) => {
        const colon = h.indexOf(':');
        return colon > 0 ? [h.slice(0, colon).trim(), h.slice(colon + 1).trim()] : [];
      });
      if (!rawHeaders.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'host'))
        rawHeaders.push('Host', 'localhost');
      const body = typeof values.body === 'string' ? Buffer.from(values.body) : undefined;
      request = {
        id: 'cli',
        method: String(values.method),
        target: values.target,
        rawHeaders,
        httpVersion: '1.1',
        protocol: 'http',
        body,
      };
    } else {
      request = parseRawRequest(await readStdin());
    }
    if (typeof request === 'string')
      throw new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', request, { details: [USAGE] });
    const config = await loadConfig({
      ...(typeof values.config === 'string' ? { file: values.config } : {}),
      env: io.env,
    });
    const inspector = inspectorFor(config);
    const view = buildRequestView(request);
    const prefix = inspector.inspect(view);
    const policy = { ...config.inspect, overLimit: config.inspect.limits.overLimit, mode: 'block' as const };
    const prefixVerdict = judgeInspection(prefix, policy);
    // A body past the inspected prefix is read on as the gateway reads it while it streams.
    const verdict =
      (request.body === undefined
        ? prefixVerdict
        : judgeWholeBody(inspector, view, request.body, prefixVerdict, {
            policy,
            options: {},
            prefixFindings: prefix.findings,
            budgetMs: config.inspect.budgetMs,
            windowBytes: config.inspect.limits.maxBodyBytes,
          })) ?? ALLOW_VERDICT;
    const inspection = { ...prefix, findings: verdict.findings };
    if (values.json) {
      io.out(
        `${JSON.stringify({ action: verdict.action, reason: verdict.reason, score: verdict.score, findings: inspection.findings, overLimits: inspection.overLimits })}\n`,
      );
      return EXIT.ok;
    }
    io.out(`${verdict.action} (${verdict.reason}, score ${verdict.score.toFixed(2)})\n`);
    for (const f of inspection.findings) {
      const via = f.transforms.length > 0 ? ` via ${f.transforms.join(' → ')}` : '';
      io.out(
        `  ${f.rule}  ${f.confidence.toFixed(2)}  at ${f.location}${via}\n    ${JSON.stringify(f.evidence)}\n`,
      );
    }
    if (inspection.overLimits.length > 0) io.out(`  over limits: ${inspection.overLimits.join(', ')}\n`);
    return EXIT.ok;
  },
};
