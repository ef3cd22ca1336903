import { forEachLine } from './for-each-line.js';
import { type ImportCollector, printable } from './import-collector.js';
import type { ImportDefaults } from './imported-decision.js';

const JAIL = /Status for the jail:\s*(\S+)/;
const BANNED = /Banned IP list:(.*)$/;

/**
 * Reads the output of `fail2ban-client status <jail>`, several jails concatenated or one;
 * each ban's reason names its jail, as `fail2ban/sshd`.
 */
export function parseFail2ban(text: string, defaults: ImportDefaults, collector: ImportCollector): void {
  let jail: string | undefined;
  let found = false;
  forEachLine(text, (line, lineNumber) => {
    const jailMatch = JAIL.exec(line);
    if (jailMatch !== null) {
      jail = printable(jailMatch[1]!, 100);
      return true;
    }
    const banned = BANNED.exec(line);
    if (banned === null) return true;
    found = true;
    const reason = jail === undefined ? defaults.reason : `fail2ban/${jail}`;
    for (const entry of banned[1]!.split(/[\s,]+/)) {
      if (entry === '') continue;
      if (!collector.add(`line ${lineNumber}`, entry, defaults.durationMs, reason)) return false;
    }
    return true;
  });
  if (!found) collector.problem("no 'Banned IP list' line found");
}
