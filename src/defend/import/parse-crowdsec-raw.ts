import { addCrowdsecDecision } from './add-crowdsec-decision.js';
import { classifyEntry } from './classify-entry.js';
import { forEachLine } from './for-each-line.js';
import type { ImportCollector } from './import-collector.js';
import type { ImportDefaults } from './imported-decision.js';
import { splitCsvLine } from './split-csv-line.js';

/**
 * Reads `cscli decisions list -o raw`: CSV with the header
 * `id,source,ip,reason,action,country,as,events_count,expiration,simulated,alert_id`.
 */
export function parseCrowdsecRaw(text: string, defaults: ImportDefaults, collector: ImportCollector): void {
  let columns: Map<string, number> | undefined;
  forEachLine(text, (line, lineNumber) => {
    if (line.trim() === '') return true;
    if (columns === undefined) {
      columns = readHeader(line);
      if (columns === undefined)
        collector.problem(`line ${lineNumber}: not a cscli raw header (id,source,ip,…)`);
      return columns !== undefined;
    }
    const fields = splitCsvLine(line);
    const column = (name: string): string | undefined => {
      const index = columns?.get(name);
      return index === undefined ? undefined : fields[index]?.trim();
    };
    const [scope, value] = splitScope(column('ip') ?? '');
    return addCrowdsecDecision(
      {
        where: `line ${lineNumber}`,
        scope,
        value,
        type: column('action') || '(none)',
        duration: column('expiration'),
        simulated: column('simulated') === 'true',
        scenario: column('reason'),
      },
      defaults,
      collector,
    );
  });
}

function readHeader(line: string): Map<string, number> | undefined {
  const names = splitCsvLine(line.replace(/^\uFEFF/, '')).map((name) => name.trim().toLowerCase());
  if (names[0] !== 'id' || !names.includes('ip') || !names.includes('action')) return undefined;
  return new Map(names.map((name, index) => [name, index]));
}

// cscli writes `Ip:1.2.3.4`; a bare IPv6 address also has colons, so only a word that is not itself
// part of a valid address counts as a scope.
function splitScope(ip: string): [string | undefined, string] {
  const colon = ip.indexOf(':');
  const prefix = ip.slice(0, colon);
  if (colon < 0) return [undefined, ip];
  if (/^(?:ip|range)$/i.test(prefix)) return [prefix, ip.slice(colon + 1)];
  if (classifyEntry(ip) === undefined && /^[a-z_]+$/i.test(prefix)) return [prefix, ip.slice(colon + 1)];
  return [undefined, ip];
}
