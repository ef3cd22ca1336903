import { describe, expect, it } from 'vitest';
import { CampaignTracker } from './campaign-tracker.js';

describe('CampaignTracker', () => {
  it('counts the distinct addresses that sent a family within the window', () => {
    const tracker = new CampaignTracker(100, 1000);
    expect(tracker.record('shop:scanner', 'a', 0)).toBe(1);
    expect(tracker.record('shop:scanner', 'a', 100)).toBe(1);
    expect(tracker.record('shop:scanner', 'b', 200)).toBe(2);
    expect(tracker.record('shop:sqli', 'c', 300)).toBe(1);
    expect(tracker.record('shop:scanner', 'c', 1150)).toBe(2);
    expect(tracker.prefixes('shop:scanner', 1150)).toEqual(['b', 'c']);
    expect(tracker.prefixes('shop:scanner', 2200)).toEqual([]);
    expect(tracker.prefixes('shop:xss', 0)).toEqual([]);
  });

  it('forgets the families least recently seen beyond its size', () => {
    const tracker = new CampaignTracker(2, 10_000);
    tracker.record('f1', 'a', 0);
    tracker.record('f2', 'a', 1);
    tracker.record('f3', 'a', 2);
    expect(tracker.prefixes('f1', 3)).toEqual([]);
    expect(tracker.prefixes('f3', 3)).toEqual(['a']);
  });
});
