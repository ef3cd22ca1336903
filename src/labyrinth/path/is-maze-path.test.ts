import { describe, expect, it } from 'vitest';
import { createMaze } from '../create-maze.js';
import { linksOf, visitOf } from '../maze.testing.js';
import { Prng } from '../random/prng.js';
import { randomString } from '../random/random-string.js';
import { TRAP_STRATEGIES } from '../trap-strategy-name.js';

const maze = createMaze({ secret: 'checksum test secret' });
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

function mazePaths(): string[] {
  const paths = maze.entryPaths('shop', 'paths', 20, '/library/');
  for (const strategy of TRAP_STRATEGIES) paths.push(...linksOf(maze.page(visitOf(paths[0]!, strategy))));
  return paths;
}

describe('isMazePath', () => {
  it('accepts every path the maze makes, with or without a query', () => {
    for (const path of mazePaths()) {
      expect(maze.isMazePath('shop', path), path).toBe(true);
      expect(maze.isMazePath('shop', `${path}?utm_source=x&page=2`), path).toBe(true);
    }
  });

  it('rejects ordinary paths, including ones shaped like maze paths', () => {
    const ordinary = [
      '',
      '/',
      '/index.html',
      '/blog/2020/05/my-first-post',
      '/docs/getting-started-0123456789',
      '/docs/getting-started-abcdefghij',
      '/api/v1/users/3f2a91c0-1b2d-4d38-a420-b89bc45f01e1',
      '/api/v1/users/3F2A91C0-1B2D-4D38-A420-B89BC45F01E1',
      'docs/getting-started-0123456789',
      '/x-zzzzzzzzzz',
      '/x-ffffffffffff',
    ];
    for (const path of ordinary) expect(maze.isMazePath('shop', path), path).toBe(false);
  });

  it('rejects random checksum-shaped paths (a false match needs ~2^40 tries)', () => {
    const rng = new Prng(new Uint8Array(16).fill(3));
    for (let i = 0; i < 20_000; i++) {
      expect(maze.isMazePath('shop', `/docs/cache-notes-${randomString(rng, BASE36, 10)}`)).toBe(false);
      expect(
        maze.isMazePath(
          'shop',
          `/api/v1/orders/4e1a2b3c-1d2e-4f30-9a1b-${randomString(rng, '0123456789abcdef', 12)}`,
        ),
      ).toBe(false);
    }
  });

  it('rejects a maze path with any one character changed, removed or added', () => {
    for (const path of mazePaths().slice(0, 12)) {
      for (let i = 1; i < path.length; i++) {
        const c = path[i]!;
        const changed = c === '0' ? '1' : c === 'a' ? 'b' : c === '-' ? '_' : c === '/' ? '-' : '0';
        for (const tampered of [
          path.slice(0, i) + changed + path.slice(i + 1),
          path.slice(0, i) + path.slice(i + 1),
          `${path.slice(0, i)}x${path.slice(i)}`,
        ])
          expect(maze.isMazePath('shop', tampered), tampered).toBe(false);
      }
    }
  });

  it('is bound to the site and the secret', () => {
    const other = createMaze({ secret: 'another secret' });
    for (const path of mazePaths()) {
      expect(maze.isMazePath('blog', path), path).toBe(false);
      expect(other.isMazePath('shop', path), path).toBe(false);
    }
  });
});

describe('entryPaths', () => {
  it('gives count distinct maze paths under the prefix, at depth 1, the same for the same site and seed', () => {
    const paths = maze.entryPaths('shop', '/pricing', 50, '/library/');
    expect(new Set(paths).size).toBe(50);
    for (const path of paths) {
      expect(path).toMatch(/^\/library\/[a-z]+(?:-[a-z]+)*-[0-9a-z]{10}$/);
      expect(maze.isMazePath('shop', path)).toBe(true);
      expect(maze.page(visitOf(path, 'articles')).depth).toBe(1);
    }
    expect(maze.entryPaths('shop', '/pricing', 50, '/library/')).toEqual(paths);
    expect(maze.entryPaths('shop', '/pricing', 3, '/library/')).toEqual(paths.slice(0, 3));
  });

  it('differs by seed and by site, and accepts a prefix without its trailing slash', () => {
    const paths = maze.entryPaths('shop', 'a', 5, '/library/');
    expect(maze.entryPaths('shop', 'b', 5, '/library/')).not.toEqual(paths);
    expect(maze.entryPaths('blog', 'a', 5, '/library/')).not.toEqual(paths);
    for (const path of maze.entryPaths('shop', 'a', 5, '/trap')) expect(path.startsWith('/trap/')).toBe(true);
    expect(maze.entryPaths('shop', 'a', 0, '/library/')).toEqual([]);
  });

  it('refuses a bad count or prefix', () => {
    expect(() => maze.entryPaths('shop', 'a', -1, '/library/')).toThrow(TypeError);
    expect(() => maze.entryPaths('shop', 'a', 1.5, '/library/')).toThrow(TypeError);
    expect(() => maze.entryPaths('shop', 'a', 1, 'library/')).toThrow(/must start with "\/"/);
    expect(() => maze.entryPaths('shop', 'a', 1, '//evil.example/')).toThrow(TypeError);
    expect(() => maze.entryPaths('shop', 'a', 1, '/a b/')).toThrow(TypeError);
  });
});
