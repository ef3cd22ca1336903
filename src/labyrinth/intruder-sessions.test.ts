import { describe, expect, it } from 'vitest';
import { createIntruderSessions } from './intruder-sessions.js';

const client = { ip: '192.0.2.1', prefix: '192.0.2.1', fingerprint: '', userAgent: 'x' };
const start = { site: 'shop', client, strategy: 'sql', reason: 'detector/sqli' };

function counter() {
  let n = 0;
  return () => (++n).toString(16).padStart(8, '0');
}

describe('intruder sessions', () => {
  it('open a session and count what the maze served', () => {
    const sessions = createIntruderSessions({ holdMs: 1000, max: 10, newId: counter() });
    const s = sessions.open('shop 192.0.2.1', start, 100);
    expect(s).toMatchObject({ id: '00000001', strategy: 'sql', firstSeen: 100, pages: 0 });
    sessions.served(s.id, { depth: 2, bytes: 300, canaries: 3 }, 150);
    sessions.served(s.id, { depth: 1, bytes: 200, canaries: 0 }, 160);
    sessions.held(s.id, 5000);
    sessions.canaryUsed(s.id);
    expect(sessions.get('shop 192.0.2.1', 200)).toMatchObject({
      depth: 2,
      pages: 2,
      bytes: 500,
      canariesIssued: 3,
      canariesUsed: 1,
      heldMs: 5000,
      lastSeen: 160,
    });
    expect(sessions.byId(s.id)?.pages).toBe(2);
  });

  it('forget a client idle for longer than holdMs', () => {
    const sessions = createIntruderSessions({ holdMs: 1000, max: 10, newId: counter() });
    sessions.open('k', start, 0);
    expect(sessions.get('k', 1000)).toBeDefined();
    expect(sessions.get('k', 1001)).toBeUndefined();
    expect(sessions.size).toBe(0);
  });

  it('evict the least recently seen when full, and never reuse a live id', () => {
    const ids = ['0000000a', '0000000a', '0000000b', '0000000c'];
    const sessions = createIntruderSessions({ holdMs: 10_000, max: 2, newId: () => ids.shift()! });
    const a = sessions.open('a', start, 1);
    const b = sessions.open('b', start, 2);
    expect(b.id).toBe('0000000b');
    sessions.served(a.id, { depth: 1, bytes: 1, canaries: 0 }, 3);
    sessions.open('c', start, 4);
    expect(sessions.get('b', 5)).toBeUndefined();
    expect(sessions.get('a', 5)).toBeDefined();
    expect(sessions.list().map((s) => s.id)).toEqual(['0000000a', '0000000c']);
  });

  it('ignore updates for a session that is gone', () => {
    const sessions = createIntruderSessions({ holdMs: 10, max: 2, newId: counter() });
    expect(sessions.served('ffffffff', { depth: 1, bytes: 1, canaries: 0 }, 1)).toBeUndefined();
    expect(sessions.canaryUsed('ffffffff')).toBeUndefined();
  });
});
