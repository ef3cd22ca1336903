import type { ImportCollector } from './import-collector.js';
import type { ImportDefaults } from './imported-decision.js';
import { parseCrowdsecJson } from './parse-crowdsec-json.js';
import { parseCrowdsecRaw } from './parse-crowdsec-raw.js';

/**
 * Reads CrowdSec decisions as `cscli decisions list` prints them with `-o json` or `-o raw`,
 * telling the two apart by the first non-space character.
 */
export function parseCrowdsec(text: string, defaults: ImportDefaults, collector: ImportCollector): void {
  const first = /\S/.exec(text);
  if (first === null) return;
  const looksLikeJson = first[0] === '[' || first[0] === '{' || text.trim() === 'null';
  if (looksLikeJson) parseCrowdsecJson(text, defaults, collector);
  else parseCrowdsecRaw(text, defaults, collector);
}
