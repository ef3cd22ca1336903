import { createImportCollector, type ImportCollector } from './import-collector.js';
import type { ImportDefaults, ImportResult } from './imported-decision.js';
import { parseCrowdsec } from './parse-crowdsec.js';
import { parseFail2ban } from './parse-fail2ban.js';
import { parsePlainList } from './parse-plain-list.js';

export type { ImportDefaults, ImportedDecision, ImportResult } from './imported-decision.js';

/** A ban list format that can be imported. */
export type ImportFormat = 'plain' | 'fail2ban' | 'crowdsec';

type FormatParser = (text: string, defaults: ImportDefaults, collector: ImportCollector) => void;

const PARSERS: Readonly<Record<ImportFormat, FormatParser>> = {
  plain: parsePlainList,
  fail2ban: parseFail2ban,
  crowdsec: parseCrowdsec,
};

/**
 * Parses a ban list into decisions to import; bad entries become `problems`, never exceptions.
 * @example parseDecisionImport('192.0.2.1\n10.0.0.0/8', 'plain', { reason: 'manual', durationMs: null })
 */
export function parseDecisionImport(
  text: string,
  format: ImportFormat,
  defaults: ImportDefaults,
): ImportResult {
  const collector = createImportCollector();
  // The format may come from an untyped caller (a CLI flag, an API body); an unknown one is a problem too.
  const parser = Object.hasOwn(PARSERS, format) ? PARSERS[format] : undefined;
  if (parser === undefined) collector.problem(`unknown import format: ${String(format)}`);
  else parser(typeof text === 'string' ? text : '', defaults, collector);
  return collector.result();
}
