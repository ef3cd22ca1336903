import { describe, expect, it } from 'vitest';
import { SiteStates } from './site-states.js';

describe('SiteStates', () => {
  it('makes a state once per site and returns the same one after', () => {
    let made = 0;
    const states = new SiteStates(10, () => ({ n: made++ }));
    states.get('shop').n += 10;
    expect(states.get('shop').n).toBe(10);
    expect(made).toBe(1);
  });

  it('holds at most max sites, letting the least recently seen go', () => {
    const states = new SiteStates(2, (site) => ({ site, hits: 0 }));
    states.get('a').hits++;
    states.get('b').hits++;
    states.get('a').hits++;
    states.get('c').hits++;
    expect(states.size).toBe(2);
    expect(states.get('a').hits).toBe(2);
    expect(states.get('b').hits).toBe(0);
  });
});
