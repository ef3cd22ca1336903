import {
  createComplianceReporter,
  REPORT_FORMATS,
  type ReportFormat,
  type WrittenReport,
  writeComplianceReport,
} from '../../app/compliance/index.js';
import { openStores } from '../../app/index.js';
import { VERSION } from '../../app/version.js';
import { loadConfig } from '../../config/index.js';
import { InfinisecError } from '../../core/index.js';
import { type ComplianceReport, FRAMEWORKS, isFramework } from '../../guardian/compliance/index.js';
import { createAuditLog } from '../../guardian/index.js';
import { type CliIo, type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = `usage: infinisec report compliance --framework ${FRAMEWORKS.join('|')} [--out DIR]
                               [--format ${REPORT_FORMATS.join('|')}] [-c FILE]`;

function usage(message: string): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', message, { details: [USAGE] });
}

// Findings quote what the stores hold (usernames, incident titles): no control character reaches the terminal.
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

// One line per control, then the findings that want attention.
function summary(report: ComplianceReport, io: CliIo): void {
  const { pass, warn, fail, info } = report.summary;
  const infos = info > 0 ? `, ${info} info` : '';
  io.out(
    `${report.name}: ${report.controls.length} controls: ${pass} pass, ${warn} warn, ${fail} fail${infos}\n`,
  );
  const width = Math.max(...report.controls.map((c) => c.id.length));
  for (const control of report.controls)
    io.out(`  ${control.status.padEnd(4)}  ${control.id.padEnd(width)}  ${control.title}\n`);
  const attention = report.evidence.filter((e) => e.status === 'fail' || e.status === 'warn');
  if (attention.length > 0) io.out('findings:\n');
  for (const evidence of attention)
    io.out(`  ${evidence.status.padEnd(4)}  ${evidence.id}: ${printable(evidence.finding)}\n`);
}

/** `infinisec report compliance`: a SOC 2, ISO 27001 or GDPR report over live evidence, as HTML and PDF. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'compliance report (SOC 2, ISO 27001, GDPR) from live evidence, as HTML and PDF',
  usage: `${USAGE}

  compliance   maps each control of the framework to evidence read now: the audit chain, users and MFA,
               roles and API keys, encryption, retention, backups, incidents and the configuration;
               prints a summary and writes compliance-<framework>-<date>.html and .pdf
  --framework  ${FRAMEWORKS.join(', ')}
  --out DIR    folder to write to (default: the current folder; made when missing)
  --format     html, pdf or both (default); the PDF is printed by headless Chromium ($CHROMIUM_PATH, else
               chromium, chromium-browser or google-chrome on PATH); without one the HTML is written
               instead, and --format pdf exits 1
  -c, --config FILE   configuration file (default: $INFINISEC_CONFIG, else ./infinisec.yaml)`,
  async run(args, io) {
    const { values, positionals } = parseOptions(
      args,
      {
        config: { type: 'string', short: 'c' },
        framework: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
      },
      USAGE,
    );
    const [kind, ...rest] = positionals;
    if (kind !== 'compliance') throw usage(kind ? `unknown report "${kind}"` : 'missing report (compliance)');
    if (rest.length > 0) throw usage(`unexpected "${rest[0]}"`);
    const framework = values.framework;
    if (typeof framework !== 'string')
      throw usage(`--framework is required: one of ${FRAMEWORKS.join(', ')}`);
    if (!isFramework(framework))
      throw usage(`--framework: "${framework}" is not one of ${FRAMEWORKS.join(', ')}`);
    const format = (values.format ?? 'both') as ReportFormat;
    if (!REPORT_FORMATS.includes(format))
      throw usage(`--format: "${values.format}" is not one of ${REPORT_FORMATS.join(', ')}`);
    const outDir = typeof values.out === 'string' ? values.out : '.';
    const config = await loadConfig({
      ...(typeof values.config === 'string' ? { file: values.config } : {}),
      env: io.env,
    });
    if (config.store.driver === 'memory')
      throw usage(
        'store.driver is memory: the records live in the running process only (ask its API instead)',
      );
    const stores = await openStores(config);
    try {
      const reporter = createComplianceReporter({
        stores,
        config: () => config,
        env: io.env,
        audit: createAuditLog(stores.audit),
        version: VERSION,
      });
      const report = await reporter.compliance(framework, { actor: 'cli', ip: '' });
      summary(report, io);
      let written: WrittenReport;
      try {
        written = await writeComplianceReport(report, { outDir, format, env: io.env });
      } catch (err) {
        io.err(`infinisec: the report cannot be written to ${outDir}: ${(err as Error).message}\n`);
        return EXIT.failure;
      }
      if (written.html) io.out(`wrote ${written.html}\n`);
      if (written.pdf) io.out(`wrote ${written.pdf}\n`);
      if (written.pdfMissing === undefined) return EXIT.ok;
      io.err(`infinisec: no PDF was made (${written.pdfMissing}); the HTML report was written instead\n`);
      return format === 'pdf' ? EXIT.failure : EXIT.ok;
    } finally {
      await stores.close();
    }
  },
};
