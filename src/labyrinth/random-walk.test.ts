import { describe, expect, it } from 'vitest';
import { createMaze } from './create-maze.js';
import { linksOf, pathsInText, visitOf } from './maze.testing.js';
import { Prng } from './random/prng.js';
import { TRAP_STRATEGIES } from './trap-strategy-name.js';

const CLICKS = 100_000;
const PROBES = [
  '/',
  '/.env',
  '/etc/passwd',
  '/wp-login.php',
  '/admin/',
  '/.git/config',
  '/api/v1/users',
  "/p?id=1'--",
];
const SITE = 'shop';

// What no maze link may look like, even if its checksum somehow matched: another host, a climb out, a script.
const ESCAPE = /^(?!\/)|^\/\/|:\/\/|\\|(?:^|\/)\.\.(?:\/|$)|javascript:/i;

describe('a random walk through the maze', () => {
  it(`never leaves it in ${CLICKS.toLocaleString('en')} clicks across all strategies`, () => {
    // Four links a page instead of six: whether a link stays in the maze does not depend on how many there
    // are (create-maze.test.ts checks the count), and each one costs an HMAC to make and one to check.
    const maze = createMaze({ secret: 'random walk secret', linksPerPage: 4 });
    const rng = new Prng(new Uint8Array(16).fill(42));
    const escapes: string[] = [];
    // Navigation links recur on every page at a depth: each distinct link is checked once.
    const checked = new Set<string>();
    const inMaze = (link: string) =>
      checked.has(link) || (maze.isMazePath(SITE, link) && checked.add(link) !== undefined);
    let target = PROBES[0]!;
    let deepest = 0;
    for (let click = 0; click < CLICKS; click++) {
      const strategy = rng.pick(TRAP_STRATEGIES);
      const method = strategy === 'account' && target.includes('/login/') ? 'POST' : 'GET';
      const page = maze.page(visitOf(target, strategy, { method }));
      deepest = Math.max(deepest, page.depth);
      let next: string[];
      if (page.contentType.startsWith('text/plain')) {
        if (page.body.includes('://')) escapes.push(`${strategy} ${target}: a URL in a text page`);
        next = pathsInText(page.body).filter(inMaze);
      } else {
        next = linksOf(page);
        for (const link of next)
          if (ESCAPE.test(link) || !inMaze(link)) escapes.push(`${strategy} ${target} → ${link}`);
      }
      if (next.length === 0) escapes.push(`${strategy} ${target}: a dead end`);
      // Now and then a trapped client types a path of its own: the maze must take it in again.
      target = rng.chance(0.01) || next.length === 0 ? rng.pick(PROBES) : rng.pick(next);
      if (escapes.length > 10) break;
    }
    expect(escapes).toEqual([]);
    expect(deepest).toBeGreaterThan(50);
  }, 90_000);
});
