import { describe, expect, it } from 'vitest';
import { createCanaries, createMaze } from '../../labyrinth/index.js';
import { findLeakedSecret } from './find-leaked-secret.js';

const INTRUDER = '0badc0de';

/** What the scanner trap serves one intruder for each probe, with real canaries. */
function scannerPages(secret: string, probes: readonly string[]) {
  const maze = createMaze({ secret: `${secret}-maze` });
  const canaries = createCanaries({ secret: `${secret}-canary` });
  const mint = canaries.mintFor(INTRUDER);
  const pages = probes.map((path) => ({
    path,
    body: maze.page({ site: 'demo', target: path, method: 'GET', strategy: 'scanner', mint }).body,
  }));
  return { pages, canaries };
}

describe('findLeakedSecret', () => {
  it.each([
    ['a .git/config alone', ['/.git/config']],
    ['an admin panel first', ['/wp-admin/', '/.git/config']],
    ['the probes of the wave', ['/.env', '/.git/config', '/wp-admin/', '/phpinfo.php', '/server-status']],
  ])('finds in %s a secret the gateway traces back to the intruder', (_, probes) => {
    for (const secret of ['first-maze-secret-0123456789', 'second-maze-secret-9876543210']) {
      const { pages, canaries } = scannerPages(secret, probes);
      const found = findLeakedSecret(pages);
      expect(found).toBeDefined();
      expect(canaries.find(found!.value, 1)[0]?.intruder).toBe(INTRUDER);
    }
  });

  it('prefers a key to an e-mail address, and names the page it came from', () => {
    const key = `key-${'0123456789abcdef'.repeat(2)}`;
    const found = findLeakedSecret([
      { path: '/.git/config', body: '[user]\n\temail = ops@corp.example\n' },
      { path: '/admin/', body: `<p>Server API key: <code>${key}</code></p>` },
    ]);
    expect(found).toEqual({ kind: 'key', value: key, page: '/admin/' });
  });

  it('takes the committer of a git config when there is no key', () => {
    expect(
      findLeakedSecret([
        { path: '/.git/config', body: '[user]\n\tname = Bot\n\temail = ops@corp.example\n' },
      ]),
    ).toEqual({ kind: 'email', value: 'ops@corp.example', page: '/.git/config' });
  });

  it('finds nothing in pages without a secret', () => {
    expect(
      findLeakedSecret([{ path: '/', body: '<h1>Welcome</h1> contact: shop@example.com' }]),
    ).toBeUndefined();
    expect(findLeakedSecret([])).toBeUndefined();
  });
});
