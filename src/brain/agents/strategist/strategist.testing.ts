import type { IntruderSession } from '../../../core/index.js';

/** An intruder session for strategist tests. */
export const sessionOf = (over: Partial<IntruderSession> = {}): IntruderSession => ({
  id: 'a1b2c3d4',
  site: 'shop',
  client: { ip: '192.0.2.1', prefix: '192.0.2.1', fingerprint: 'fp', userAgent: 'ua' },
  strategy: 'articles',
  reason: 'detector/scanner',
  firstSeen: 0,
  lastSeen: 0,
  depth: 3,
  pages: 10,
  bytes: 10_000,
  heldMs: 0,
  canariesIssued: 4,
  canariesUsed: 0,
  ...over,
});
