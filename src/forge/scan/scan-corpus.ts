import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { Verdict } from '../../core/index.js';
import type { RawRequestParts } from '../../inspect/index.js';
import { type CorpusCase, caseToRequest, corpusCaseProblem } from './corpus-case.js';

/** Counts for one source × category. */
export interface ScanGroup {
  readonly source: string;
  readonly category: string;
  attacks: number;
  caught: number;
  benign: number;
  flagged: number;
}

/** A case the engine got wrong, for study. */
export interface ScanMistake {
  readonly id: string;
  readonly source: string;
  readonly category: string;
  readonly method: string;
  readonly target: string;
  readonly reason: string;
  readonly findings: readonly { rule: string; location: string; confidence: number; evidence: string }[];
}

/** The result of scanning corpora. */
export interface ScanReport {
  readonly overall: {
    readonly attacks: number;
    readonly caught: number;
    readonly benign: number;
    readonly flagged: number;
    readonly tpr: number;
    readonly fpr: number;
    readonly balancedAccuracy: number;
    readonly requestsPerSecond: number;
  };
  readonly groups: readonly ScanGroup[];
  readonly misses: readonly ScanMistake[];
  readonly falsePositives: readonly ScanMistake[];
  /** Lines that were not cases, with file and line number. */
  readonly problems: readonly string[];
}

function mistake(c: CorpusCase, verdict: Verdict): ScanMistake {
  return {
    id: c.id,
    source: c.source,
    category: c.category,
    method: c.method,
    target: c.target.length > 200 ? `${c.target.slice(0, 200)}…` : c.target,
    reason: verdict.reason,
    findings: verdict.findings.map((f) => ({
      rule: f.rule,
      location: f.location,
      confidence: f.confidence,
      evidence: f.evidence,
    })),
  };
}

/**
 * Runs every case of the corpus files through `judge` (the engine, as the gateway runs it) and counts what
 * it caught and flagged. `caught`/`flagged` mean the action would not be `allow`.
 */
export async function scanCorpus(
  files: readonly string[],
  judge: (request: RawRequestParts) => Verdict,
  options: { readonly keepMistakes?: number } = {},
): Promise<ScanReport> {
  const keep = options.keepMistakes ?? 0;
  const groups = new Map<string, ScanGroup>();
  const misses: ScanMistake[] = [];
  const falsePositives: ScanMistake[] = [];
  const problems: string[] = [];
  let engineMs = 0;
  let count = 0;
  for (const file of files) {
    const lines = createInterface({
      input: createReadStream(file, 'utf8'),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        problems.push(`${file}:${lineNumber}: not valid JSON`);
        continue;
      }
      const problem = corpusCaseProblem(value);
      if (problem) {
        problems.push(`${file}:${lineNumber}: ${problem}`);
        continue;
      }
      const c = value as CorpusCase;
      const request = caseToRequest(c, `${c.source}:${c.id}`);
      const started = performance.now();
      const verdict = judge(request);
      engineMs += performance.now() - started;
      count++;
      const key = `${c.source}\u0000${c.category}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { source: c.source, category: c.category, attacks: 0, caught: 0, benign: 0, flagged: 0 };
        groups.set(key, group);
      }
      const hit = verdict.action !== 'allow';
      if (c.malicious) {
        group.attacks++;
        if (hit) group.caught++;
        else if (misses.length < keep) misses.push(mistake(c, verdict));
      } else {
        group.benign++;
        if (hit) {
          group.flagged++;
          if (falsePositives.length < keep) falsePositives.push(mistake(c, verdict));
        }
      }
    }
  }
  const all = [...groups.values()];
  const sum = (pick: (g: ScanGroup) => number) => all.reduce((n, g) => n + pick(g), 0);
  const attacks = sum((g) => g.attacks);
  const caught = sum((g) => g.caught);
  const benign = sum((g) => g.benign);
  const flagged = sum((g) => g.flagged);
  const tpr = attacks === 0 ? 0 : caught / attacks;
  const fpr = benign === 0 ? 0 : flagged / benign;
  return {
    overall: {
      attacks,
      caught,
      benign,
      flagged,
      tpr,
      fpr,
      balancedAccuracy: (tpr + (1 - fpr)) / 2,
      requestsPerSecond: engineMs === 0 ? 0 : Math.round(count / (engineMs / 1000)),
    },
    groups: all.sort((a, b) => a.source.localeCompare(b.source) || a.category.localeCompare(b.category)),
    misses,
    falsePositives,
    problems,
  };
}
