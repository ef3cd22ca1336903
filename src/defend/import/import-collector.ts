import { classifyEntry } from './classify-entry.js';
import type { ImportedDecision, ImportResult } from './imported-decision.js';

/** Entries read from one import before it stops, so a runaway file cannot exhaust memory. */
export const MAX_IMPORT_ENTRIES = 1_000_000;

/** Problem lines kept before the rest are only counted. */
export const MAX_IMPORT_PROBLEMS = 100;

/** Accumulates the bans and problems of one import: validates, deduplicates and bounds them. */
export interface ImportCollector {
  /** Validates and records one entry; false once the entry limit is reached and reading must stop. */
  add(where: string, entry: string, durationMs: number | null, reason: string): boolean;
  /** Counts an entry that is deliberately not imported; false once the entry limit is reached. */
  skip(where: string, message: string): boolean;
  /** Records a problem with the input's shape, which counts toward no entry. */
  problem(message: string): void;
  /** The bans in input order and the problem lines, capped, with the stop line last if reading stopped. */
  result(): ImportResult;
}

/** Creates a collector; the limits are parameters only so tests can reach them cheaply. */
export function createImportCollector(
  maxEntries = MAX_IMPORT_ENTRIES,
  maxProblems = MAX_IMPORT_PROBLEMS,
): ImportCollector {
  const decisions: ImportedDecision[] = [];
  const seen = { ip: new Set<string>(), cidr: new Set<string>() };
  const problems: string[] = [];
  let unlisted = 0;
  let entries = 0;
  let stopped: string | undefined;

  const problem = (message: string): void => {
    if (problems.length < maxProblems) problems.push(message);
    else unlisted++;
  };
  const take = (where: string): boolean => {
    if (stopped !== undefined) return false;
    if (++entries <= maxEntries) return true;
    stopped = `${where}: stopped after ${maxEntries} entries; the rest was not read`;
    return false;
  };

  return {
    add(where, entry, durationMs, reason) {
      if (!take(where)) return false;
      const classified = classifyEntry(entry);
      if (classified === undefined) {
        problem(`${where}: not an address or CIDR range: ${printable(entry)}`);
        return true;
      }
      const { scope, value } = classified;
      if (seen[scope].has(value)) return true;
      seen[scope].add(value);
      // A literal, not a spread: spreading costs several times more on a million-entry import.
      decisions.push({ scope, value, durationMs, reason });
      return true;
    },
    skip(where, message) {
      if (!take(where)) return false;
      problem(`${where}: ${message}`);
      return true;
    },
    problem,
    result() {
      const listed = unlisted > 0 ? [...problems, `…and ${unlisted} more`] : [...problems];
      // The stop line is kept past the cap: without it a truncated import would look complete.
      if (stopped !== undefined) listed.push(stopped);
      return { decisions: [...decisions], problems: listed };
    },
  };
}

/** Shortens and defangs input echoed into a problem line or reason, which may end up in a terminal or a log. */
export function printable(text: string, max = 60): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
