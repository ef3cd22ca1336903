import { isAnswered, OUTCOMES } from './outcome.js';
import type { AttackProgress } from './run-attack.js';

/** Where progress goes: the terminal's error stream. */
export interface ProgressOutput {
  readonly isTTY: boolean;
  readonly columns?: number | undefined;
  write(text: string): void;
}

/**
 * One line of progress: a bar as wide as the terminal allows, the count, the scenario.
 * @example renderProgressBar(30, 120, 'sqli', 60) // 'attack [#####…---]  30/120  sqli'
 */
export function renderProgressBar(done: number, total: number, label: string, columns: number): string {
  const count = `${done}/${total}`;
  const width = Math.max(10, Math.min(40, columns - count.length - label.length - 14));
  const filled = total === 0 ? width : Math.min(width, Math.round((width * done) / total));
  return `attack [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]  ${count}  ${label}`.slice(
    0,
    columns - 1,
  );
}

/**
 * Reports progress: on a terminal, a bar redrawn in place (at most every 100 ms) and erased at the end;
 * elsewhere (a log, a pipe), one plain line per finished scenario.
 */
export function createProgress(output: ProgressOutput, now: () => number = Date.now) {
  let drawn = Number.NEGATIVE_INFINITY;
  let visible = false;
  return {
    update(progress: AttackProgress): void {
      const finished = progress.finished;
      if (!output.isTTY) {
        if (finished === undefined) return;
        const counts = finished.tally.counts;
        const answered = OUTCOMES.filter(isAnswered).reduce((n, o) => n + counts[o], 0);
        output.write(
          `attack: ${progress.scenario}: ${finished.tally.requests} requests, ${answered} answered, ${counts.passed} passed, ${counts.error} errors\n`,
        );
        return;
      }
      if (finished === undefined && now() - drawn < 100) return;
      drawn = now();
      visible = true;
      output.write(
        `\r\x1b[2K${renderProgressBar(progress.done, progress.total, progress.scenario, output.columns || 80)}`,
      );
    },
    end(): void {
      if (visible) output.write('\r\x1b[2K');
      visible = false;
    },
  };
}
