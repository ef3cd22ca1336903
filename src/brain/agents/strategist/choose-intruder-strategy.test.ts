import { describe, expect, it } from 'vitest';
import { eventOf } from '../shared/events.testing.js';
import { chooseIntruderStrategy } from './choose-intruder-strategy.js';
import { IntruderEvidence } from './intruder-evidence.js';
import { sessionOf } from './strategist.testing.js';

function evidence(...specs: Parameters<typeof eventOf>[0][]): IntruderEvidence {
  const collected = new IntruderEvidence();
  for (const spec of specs) collected.observe(eventOf(spec));
  return collected;
}

describe('chooseIntruderStrategy', () => {
  it('keeps decoys whose canaries came back, whatever else it did', () => {
    const choice = chooseIntruderStrategy(
      sessionOf({ strategy: 'files', canariesUsed: 2 }),
      evidence({ time: 1, findings: ['sqli/union'] }, { time: 2, findings: ['sqli/union'] }),
    );
    expect(choice).toEqual({
      strategy: 'files',
      reasons: ['2 of its canaries came back: the files decoys work'],
      changed: false,
    });
  });

  it('moves an intruder to the decoys its attacks in the maze ask for', () => {
    const choice = chooseIntruderStrategy(
      sessionOf({ strategy: 'articles' }),
      evidence(
        { time: 1, findings: ['sqli/union'] },
        { time: 2, findings: ['nosqli/where@0.8'] },
        { time: 3, findings: ['traversal/dotdot', 'sqli/tautology@0.4'] },
      ),
    );
    expect(choice).toEqual({
      strategy: 'sql',
      reasons: ['its attacks in the maze are nosqli, sqli: sql decoys answer them'],
      changed: true,
    });
  });

  it('needs enough findings before they decide', () => {
    const choice = chooseIntruderStrategy(sessionOf(), evidence({ time: 1, findings: ['sqli/union'] }));
    expect(choice).toMatchObject({ strategy: 'articles', changed: false });
  });

  it('gives a login form to one that keeps posting to login forms, an API to an API caller', () => {
    const logins = Array.from({ length: 6 }, (_, i) => ({ time: i, method: 'POST', path: '/wp-login.php' }));
    expect(chooseIntruderStrategy(sessionOf(), evidence(...logins))).toEqual({
      strategy: 'account',
      reasons: ['6 of its 6 requests in the maze post to a login form'],
      changed: true,
    });
    const calls = Array.from({ length: 5 }, (_, i) => ({ time: i, path: `/api/v1/items/${i}` }));
    expect(chooseIntruderStrategy(sessionOf(), evidence(...calls)).strategy).toBe('api');
    expect(chooseIntruderStrategy(sessionOf(), evidence(...calls.slice(0, 4))).strategy).toBe('articles');
  });

  it('gives articles to a crawler caught by a trap link, and otherwise keeps what is there', () => {
    const crawler = sessionOf({ strategy: 'scanner', reason: 'labyrinth/trap-link' });
    expect(chooseIntruderStrategy(crawler, evidence()).strategy).toBe('articles');
    expect(chooseIntruderStrategy(sessionOf({ strategy: 'scanner' }), evidence())).toEqual({
      strategy: 'scanner',
      reasons: ['nothing it did points to better decoys'],
      changed: false,
    });
  });
});
