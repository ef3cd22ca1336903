import { forEachLine } from './for-each-line.js';
import type { ImportCollector } from './import-collector.js';
import type { ImportDefaults } from './imported-decision.js';

/**
 * Reads one or more addresses or CIDR ranges per line, separated by spaces or commas; `#` starts a comment.
 * @example parsePlainList('10.0.0.0/8, 192.0.2.1 # scanners', defaults, collector)
 */
export function parsePlainList(text: string, defaults: ImportDefaults, collector: ImportCollector): void {
  forEachLine(text, (line, lineNumber) => {
    const hash = line.indexOf('#');
    const content = hash < 0 ? line : line.slice(0, hash);
    for (const entry of content.split(/[\s,]+/)) {
      if (entry === '') continue;
      if (!collector.add(`line ${lineNumber}`, entry, defaults.durationMs, defaults.reason)) return false;
    }
    return true;
  });
}
