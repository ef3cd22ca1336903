import { describe, expect, it } from 'vitest';
import { createProgress, renderProgressBar } from './progress-bar.js';
import type { ScenarioRun } from './run-attack.js';
import { createTally } from './scenario-tally.js';

describe('renderProgressBar', () => {
  it('fills the bar in proportion and fits the terminal', () => {
    const line = renderProgressBar(30, 120, 'sqli', 80);
    expect(line).toMatch(/^attack \[#{10}-{30}\] {2}30\/120 {2}sqli$/);
    expect(renderProgressBar(5, 5, 'x', 80)).toContain(`[${'#'.repeat(40)}]`);
    expect(renderProgressBar(1, 2, 'a-very-long-scenario-name', 30).length).toBeLessThan(30);
  });
});

function finished(): ScenarioRun {
  const tally = createTally(() => false);
  tally.record('trapped', 1);
  tally.record('passed', 1);
  return { scenario: { name: 'sqli' } as ScenarioRun['scenario'], tally, truncated: false, durationMs: 1 };
}

describe('createProgress', () => {
  it('writes one plain line per finished scenario when not on a terminal', () => {
    const written: string[] = [];
    const progress = createProgress({ isTTY: false, write: (t) => written.push(t) });
    progress.update({ scenario: 'sqli', done: 1, total: 10 });
    progress.update({ scenario: 'sqli', done: 2, total: 10, finished: finished() });
    progress.end();
    expect(written).toEqual(['attack: sqli: 2 requests, 1 answered, 1 passed, 0 errors\n']);
  });

  it('redraws a bar in place on a terminal, at most every 100 ms, and erases it at the end', () => {
    const written: string[] = [];
    let now = 0;
    const progress = createProgress({ isTTY: true, columns: 80, write: (t) => written.push(t) }, () => now);
    progress.update({ scenario: 'sqli', done: 1, total: 10 });
    progress.update({ scenario: 'sqli', done: 2, total: 10 });
    now = 500;
    progress.update({ scenario: 'sqli', done: 3, total: 10 });
    progress.end();
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\r\x1b\[2Kattack \[/);
    expect(written[1]).toContain('3/10');
    expect(written[2]).toBe('\r\x1b[2K');
  });
});
