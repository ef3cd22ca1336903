import { describe, expect, it } from 'vitest';
import { faultWindows, playSchedule, scheduleSchema } from './schedule.js';

describe('faultWindows', () => {
  it('arms each fault once, from the delay to the end, by default', () => {
    const schedule = scheduleSchema.parse({ delay: '2s' });
    expect(faultWindows(schedule, [undefined, 1000], 10_000)).toEqual([
      { fault: 0, round: 1, start: 2000, end: 10_000 },
      { fault: 1, round: 1, start: 2000, end: 3000 },
    ]);
  });

  it('repeats every period for the rounds asked, a fault without duration lasting the round', () => {
    const schedule = scheduleSchema.parse({ delay: 1000, every: '5s', times: 3 });
    expect(faultWindows(schedule, [undefined, 2000], 60_000)).toEqual([
      { fault: 0, round: 1, start: 1000, end: 6000 },
      { fault: 1, round: 1, start: 1000, end: 3000 },
      { fault: 0, round: 2, start: 6000, end: 11_000 },
      { fault: 1, round: 2, start: 6000, end: 8000 },
      { fault: 0, round: 3, start: 11_000, end: 16_000 },
      { fault: 1, round: 3, start: 11_000, end: 13_000 },
    ]);
  });

  it('cuts windows at the end of the experiment and drops rounds past it', () => {
    const schedule = scheduleSchema.parse({ every: '4s', times: 5 });
    expect(faultWindows(schedule, [undefined], 10_000)).toEqual([
      { fault: 0, round: 1, start: 0, end: 4000 },
      { fault: 0, round: 2, start: 4000, end: 8000 },
      { fault: 0, round: 3, start: 8000, end: 10_000 },
    ]);
  });

  it('needs a period for more than one round', () => {
    const result = scheduleSchema.safeParse({ times: 2 });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['every', 'required when times is over 1'],
    ]);
  });
});

describe('playSchedule', () => {
  it('arms and lifts in order, and stop clears what is left', async () => {
    const seen: string[] = [];
    const player = playSchedule(
      [
        { fault: 0, round: 1, start: 0, end: 5 },
        { fault: 1, round: 1, start: 0, end: 60_000 },
      ],
      {
        arm: (w) => seen.push(`arm ${w.fault}`),
        disarm: (w) => seen.push(`lift ${w.fault}`),
      },
    );
    for (let i = 0; i < 200 && seen.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    player.stop();
    expect(seen).toEqual(['arm 0', 'arm 1', 'lift 0']);
  });
});
