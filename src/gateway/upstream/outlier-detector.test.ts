import { describe, expect, it } from 'vitest';
import { OutlierDetector } from './outlier-detector.js';

const OPTIONS = { consecutiveFailures: 3, ejectMs: 1000, maxEjectMs: 5000 };

function failRun(detector: OutlierDetector, now: number): boolean {
  let due = false;
  for (let i = 0; i < OPTIONS.consecutiveFailures; i++) due = detector.failure(now);
  return due;
}

describe('OutlierDetector', () => {
  it('calls for an ejection after the failures in a row; a success starts the count again', () => {
    const detector = new OutlierDetector(OPTIONS);
    expect(detector.failure(0)).toBe(false);
    expect(detector.failure(0)).toBe(false);
    detector.success();
    expect(detector.failure(0)).toBe(false);
    expect(detector.failure(0)).toBe(false);
    expect(detector.failure(0)).toBe(true);
  });

  it('keeps calling for it while the caller may not eject (the last target)', () => {
    const detector = new OutlierDetector(OPTIONS);
    expect(failRun(detector, 0)).toBe(true);
    expect(detector.failure(0)).toBe(true);
    expect(detector.ejected(0)).toBe(false);
  });

  it('doubles the ejection each time in a row, up to the longest', () => {
    const detector = new OutlierDetector(OPTIONS);
    let now = 100_000;
    const lengths: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect(failRun(detector, now)).toBe(true);
      detector.eject(now);
      expect(detector.ejected(now)).toBe(true);
      lengths.push(detector.until - now);
      now = detector.until;
      expect(detector.ejected(now)).toBe(false);
    }
    expect(lengths).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('starts again from the first length once the target stayed in for the longest ejection', () => {
    const detector = new OutlierDetector(OPTIONS);
    failRun(detector, 100_000);
    detector.eject(100_000);
    failRun(detector, 101_000);
    detector.eject(101_000);
    const back = detector.until;
    failRun(detector, back + 5001);
    detector.eject(back + 5001);
    expect(detector.until - (back + 5001)).toBe(1000);
  });

  it('does not count failures while ejected, and never asks when turned off', () => {
    const detector = new OutlierDetector(OPTIONS);
    failRun(detector, 0);
    detector.eject(0);
    expect(failRun(detector, 10)).toBe(false);
    const off = new OutlierDetector({ ...OPTIONS, consecutiveFailures: 0 });
    for (let i = 0; i < 20; i++) expect(off.failure(i)).toBe(false);
  });
});
