import { describe, expect, it } from 'vitest';
import { Bulkhead } from './bulkhead.js';

describe('Bulkhead', () => {
  it('takes up to its limit, refuses the next, and takes again once one left', () => {
    const bulkhead = new Bulkhead(2);
    expect(bulkhead.tryEnter()).toBe(true);
    expect(bulkhead.tryEnter()).toBe(true);
    expect(bulkhead.tryEnter()).toBe(false);
    expect(bulkhead.inFlight).toBe(2);
    bulkhead.leave();
    expect(bulkhead.tryEnter()).toBe(true);
    expect(bulkhead.inFlight).toBe(2);
  });

  it('has no cap at 0', () => {
    const bulkhead = new Bulkhead(0);
    for (let i = 0; i < 10_000; i++) expect(bulkhead.tryEnter()).toBe(true);
    expect(bulkhead.inFlight).toBe(10_000);
  });

  it('never counts below zero', () => {
    const bulkhead = new Bulkhead(1);
    bulkhead.leave();
    expect(bulkhead.inFlight).toBe(0);
    expect(bulkhead.tryEnter()).toBe(true);
    expect(bulkhead.tryEnter()).toBe(false);
  });
});
