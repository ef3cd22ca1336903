import { readFileSync } from 'node:fs';
import { openStores } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { type AuditEntry, InfinisecError } from '../../core/index.js';
import { CSV_HEADER, cefLine, createAuditLog, csvRow, jsonLine } from '../../guardian/index.js';
import type { AuditStore } from '../../store/index.js';
import { type CliIo, type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = `usage: infinisec audit verify [-c FILE]
       infinisec audit export [--format jsonl|csv|cef] [--from TIME] [--to TIME] [-c FILE]`;

const PAGE = 1000;
const FORMATS = ['jsonl', 'csv', 'cef'] as const;
type Format = (typeof FORMATS)[number];
type Range = { readonly from?: number; readonly to?: number };

function usage(message: string): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', message, { details: [USAGE] });
}

function parseRange(values: Readonly<Record<string, unknown>>): Range {
  const range: { from?: number; to?: number } = {};
  for (const flag of ['from', 'to'] as const) {
    const text = values[flag];
    if (typeof text !== 'string') continue;
    const time = Date.parse(text);
    if (Number.isNaN(time))
      throw usage(`--${flag}: "${text}" is not a date (ISO 8601: 2024-05-01 or 2024-05-01T12:00:00Z)`);
    range[flag] = time;
  }
  return range;
}

function productVersion(): string {
  const url = new URL('../../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

// Page by page, each written as it comes: an export of any size runs in little memory.
async function exportEntries(store: AuditStore, format: Format, range: Range, io: CliIo): Promise<void> {
  let line: (entry: AuditEntry) => string = jsonLine;
  if (format === 'csv') {
    line = csvRow;
    io.out(CSV_HEADER);
  } else if (format === 'cef') {
    const version = productVersion();
    line = (entry) => cefLine(entry, version);
  }
  let afterSeq = 0;
  for (;;) {
    const page = await store.list({ ...range, afterSeq, limit: PAGE });
    if (page.length > 0) io.out(page.map(line).join(''));
    if (page.length < PAGE) return;
    afterSeq = page.at(-1)!.seq;
  }
}

/** `infinisec audit`: check the hash chain of the audit log, or export it for a SIEM or an auditor. */
export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the audit chain, or export it (JSON Lines, CSV, CEF)',
  usage: `${USAGE}

  verify   walks the hash chain; exit status 0 when intact, 1 naming the first entry changed, removed,
           reordered or inserted, and how
  export   writes entries, oldest first, to standard output: jsonl (default, every field, verifiable),
           csv (a header row, safe to open in a spreadsheet) or cef (ArcSight CEF, one line each);
           --from (inclusive) and --to (exclusive) take ISO 8601 dates and times

  -c, --config FILE   configuration file (default: $INFINISEC_CONFIG, else ./infinisec.yaml); the log is
                      the one in store.dataDir`,
  async run(args, io) {
    const { values, positionals } = parseOptions(
      args,
      {
        config: { type: 'string', short: 'c' },
        format: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
      USAGE,
    );
    const [verb, ...rest] = positionals;
    if (rest.length > 0) throw usage(`unexpected "${rest[0]}"`);
    if (verb !== 'verify' && verb !== 'export')
      throw usage(verb ? `unknown action "${verb}"` : 'missing action');
    const format = (values.format ?? 'jsonl') as Format;
    if (!FORMATS.includes(format))
      throw usage(`--format: "${values.format}" is not one of ${FORMATS.join(', ')}`);
    const range = parseRange(values);
    const config = await loadConfig({
      ...(typeof values.config === 'string' ? { file: values.config } : {}),
      env: io.env,
    });
    if (config.store.driver === 'memory')
      throw usage('store.driver is memory: the audit log lives in the running process only');
    const stores = await openStores(config);
    const store = stores.audit;
    try {
      if (verb === 'export') {
        await exportEntries(store, format, range, io);
        return EXIT.ok;
      }
      const result = await createAuditLog(store).verify();
      if (result.ok) {
        io.out(`audit chain intact: ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'}\n`);
        if (result.head) io.out(`head: entry ${result.head.seq}, hash ${result.head.hash}\n`);
        return EXIT.ok;
      }
      const { kind, seq, message } = result.problem;
      io.out(`audit chain broken at entry ${seq} (${kind}): ${message}\n`);
      io.out(`${result.entries} ${result.entries === 1 ? 'entry' : 'entries'} verified before it\n`);
      return EXIT.failure;
    } finally {
      await stores.close();
    }
  },
};
