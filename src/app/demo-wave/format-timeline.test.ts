import { describe, expect, it } from 'vitest';
import { formatColumns, formatStep, formatSummary } from './format-timeline.js';
import type { StepReport, TimelineEntry } from './timeline.js';

const login = (atMs: number, ms: number, answer: string, detail: string): TimelineEntry => ({
  atMs,
  actor: 'stuffer',
  address: '127.0.0.6',
  did: 'POST /login',
  detail,
  answer,
  status: 401,
  ms,
});

function step(entries: TimelineEntry[], ok = true): StepReport {
  return {
    number: 5,
    id: 'credential-stuffer',
    title: 'A credential stuffer hammers the login form',
    expected: 'a challenge, then a block',
    observed: 'challenged, then blocked',
    ok,
    entries,
  };
}

describe('formatStep', () => {
  it('counts alike requests in a row as one line, with the range of their times', () => {
    const text = formatStep(
      step([
        login(1000, 1.7, '401 from the shop', 'alice / 123456'),
        login(1010, 4.6, '401 from the shop', 'bob / password'),
        login(1020, 2.2, '401 from the shop', 'carol / qwerty'),
        {
          atMs: 1021,
          actor: 'gateway',
          address: '127.0.0.6',
          did: 'decides about 127.0.0.6',
          answer: 'challenge for 1 min (ladder/challenge)',
        },
        login(1030, 0.8, 'challenge page, 403 (decision/challenge)', 'dave / letmein'),
      ]),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('  ✓ 5. A credential stuffer hammers the login form');
    expect(lines[1]).toMatch(
      /^\s+\+1\.000s {2}stuffer {2}127\.0\.0\.6 +POST \/login ×3 +401 from the shop +1\.7–4\.6 ms$/,
    );
    expect(lines[2]).toMatch(/\+1\.021s {2}gateway .*challenge for 1 min \(ladder\/challenge\)$/);
    // A request on its own shows what set it apart.
    expect(lines[3]).toMatch(
      /POST \/login {2}dave \/ letmein +challenge page, 403 \(decision\/challenge\) +0\.8 ms$/,
    );
    expect(lines[4]).toContain('expected  a challenge, then a block');
    expect(lines[5]).toContain('got       challenged, then blocked');
  });

  it('marks a step that went wrong, and says how long the tarpit dripped a maze page', () => {
    const text = formatStep(
      step(
        [
          {
            atMs: 250,
            actor: 'scanner',
            address: '127.0.0.4',
            did: 'GET /.env',
            answer: 'maze page, 200 (detector/scanner)',
            ms: 5.3,
            dripMs: 150,
          },
        ],
        false,
      ),
    );
    expect(text.startsWith('  ✗ 5.')).toBe(true);
    expect(text).toContain('5.3 ms, then dripped 150 ms');
    expect(text).toContain('got ✗');
  });

  it('cuts a long request short and keeps the columns in line with their titles', () => {
    const long = login(0, 1, '401 from the shop', 'x'.repeat(80));
    const line = formatStep(step([long])).split('\n')[1]!;
    const columns = formatColumns();
    expect(line).toContain('…');
    expect(line.indexOf('401 from the shop')).toBe(columns.indexOf('gateway'));
    expect(line.indexOf('POST /login')).toBe(columns.indexOf('sent'));
  });
});

describe('formatSummary', () => {
  it('counts the steps that went as expected', () => {
    expect(formatSummary([step([]), step([], false)], 2310)).toBe(
      '  ✗ 1 of 2 steps as expected, in 2.31 s\n',
    );
    expect(formatSummary([step([])], 950)).toBe('  ✓ 1 of 1 steps as expected, in 950 ms\n');
  });
});
