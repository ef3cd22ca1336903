import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startSite } from './attack-fixture.testing.js';
import { resolveAttackTarget } from './attack-target.js';
import { unreachableReason } from './check-reachable.js';

describe('unreachableReason', () => {
  it('is undefined for a target that answers, whatever the status', async () => {
    const site = await startSite((_req, res) => res.writeHead(503).end());
    try {
      expect(await unreachableReason(site.target)).toBeUndefined();
    } finally {
      await site.close();
    }
  });

  it('names why nothing answered', async () => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    expect(await unreachableReason(await resolveAttackTarget(`http://127.0.0.1:${port}`, []))).toBe(
      'ECONNREFUSED',
    );

    const silent = createServer((socket) => socket.resume());
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const target = await resolveAttackTarget(
      `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      [],
    );
    try {
      expect(await unreachableReason(target, undefined, 100)).toBe('no answer in time');
    } finally {
      silent.close();
    }
  });
});
