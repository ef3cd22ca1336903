import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type AttackReport, attackReportSchema } from './attack-report-schema.js';

/** What reading the baseline gave: the report, or why there is none to compare with. */
export type BaselineRead =
  | { readonly report: AttackReport; readonly problem?: undefined }
  | { readonly report?: undefined; readonly problem?: string };

/**
 * Where the last report is kept: the file `--baseline` names; else `attack-last.json` beside the `--json`
 * report; else `.infinisec/attack-last.json` in the working folder.
 */
export function baselinePath(options: { baseline?: string; json?: string; cwd: string }): string {
  if (options.baseline !== undefined) return options.baseline;
  if (options.json !== undefined) return join(dirname(options.json), 'attack-last.json');
  return join(options.cwd, '.infinisec', 'attack-last.json');
}

/** Reads the previous report; a missing file is a first run, an unreadable or foreign one a problem. */
export function readBaseline(path: string): BaselineRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? {} : { problem: `cannot read ${path}: ${code ?? String(err)}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: `${path} is not JSON` };
  }
  const parsed = attackReportSchema.safeParse(value);
  return parsed.success ? { report: parsed.data } : { problem: `${path} is not an attack report` };
}

/** Writes a file whole or not at all: to a neighbour first, then renamed over it. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const staged = `${path}.${process.pid}.tmp`;
  writeFileSync(staged, text);
  renameSync(staged, path);
}
