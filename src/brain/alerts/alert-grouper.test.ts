import { describe, expect, it } from 'vitest';
import type { AlertMessage } from './alert.js';
import { sampleAlert } from './alert-fixture.testing.js';
import { AlertGrouper } from './alert-grouper.js';

function grouper(windowMs = 1000, maxGroups = 100) {
  const sent: AlertMessage[] = [];
  return { sent, grouper: new AlertGrouper({ windowMs, maxGroups }, (m) => sent.push(m)) };
}

describe('AlertGrouper', () => {
  it('sends the first alert of a group, folds the rest and sums them up when the window closes', () => {
    const { sent, grouper: g } = grouper();
    expect(g.admit(sampleAlert({ time: 1 }), 0)).toBe(true);
    for (let i = 2; i <= 10; i++) expect(g.admit(sampleAlert({ time: i }), 500)).toBe(false);
    expect(sent.map((m) => m.kind)).toEqual(['alert']);
    g.expire(999);
    expect(sent).toHaveLength(1);
    g.expire(1000);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ kind: 'summary', more: 9, firstTime: 1, lastTime: 10 });
    expect(sent[1]?.alert.time).toBe(10);
    expect(g.size).toBe(0);
  });

  it('keeps groups of other keys apart', () => {
    const { sent, grouper: g } = grouper();
    g.admit(sampleAlert({ subject: 'a' }), 0);
    g.admit(sampleAlert({ subject: 'b' }), 0);
    g.admit(sampleAlert({ site: 'blog', subject: 'a' }), 0);
    g.admit(sampleAlert({ rule: 'attack-wave', subject: 'a' }), 0);
    g.admit(sampleAlert({ subject: 'a' }), 0);
    expect(sent.map((m) => m.groupKey)).toEqual([
      'canary-used/shop/a',
      'canary-used/shop/b',
      'canary-used/blog/a',
      'attack-wave/shop/a',
    ]);
  });

  it('sends no summary for a group with nothing folded, and opens a new group after the window', () => {
    const { sent, grouper: g } = grouper();
    g.admit(sampleAlert(), 0);
    expect(g.admit(sampleAlert(), 1000)).toBe(true);
    expect(sent.map((m) => m.kind)).toEqual(['alert', 'alert']);
  });

  it('closes the oldest group early when full, with its summary', () => {
    const { sent, grouper: g } = grouper(60_000, 2);
    g.admit(sampleAlert({ subject: 'a' }), 0);
    g.admit(sampleAlert({ subject: 'a' }), 1);
    g.admit(sampleAlert({ subject: 'b' }), 2);
    g.admit(sampleAlert({ subject: 'c' }), 3);
    expect(g.size).toBe(2);
    expect(sent.map((m) => `${m.kind}:${m.alert.subject}`)).toEqual([
      'alert:a',
      'alert:b',
      'summary:a',
      'alert:c',
    ]);
  });

  it('closeAll sums up every group', () => {
    const { sent, grouper: g } = grouper();
    for (const subject of ['a', 'a', 'b', 'b', 'b']) g.admit(sampleAlert({ subject }), 0);
    g.closeAll();
    expect(sent.filter((m) => m.kind === 'summary').map((m) => m.more)).toEqual([1, 2]);
    expect(g.size).toBe(0);
  });
});
