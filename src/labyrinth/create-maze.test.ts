import { describe, expect, it } from 'vitest';
import type { CanaryMint } from './canary/canary-kind.js';
import { createMaze } from './create-maze.js';
import { fakeMint, linksOf, pathsInText, visitOf } from './maze.testing.js';
import { Prng } from './random/prng.js';
import { TRAP_STRATEGY_FACTORIES } from './strategies/registry.js';
import { TRAP_STRATEGIES } from './trap-strategy-name.js';

const SECRET = 'maze test secret';
const PROBES = [
  '/',
  '/.env',
  '/etc/passwd',
  '/wp-login.php',
  '/admin/',
  '/.git/config',
  '/api/v1/users',
  '/x?id=1%27',
];

function sampleTargets(maze: ReturnType<typeof createMaze>): string[] {
  return [...PROBES, ...maze.entryPaths('shop', 'sample', 30, '/library/')];
}

// A regex that matches exactly the paths a template can make.
function templateRegex(template: string): RegExp {
  const parts = template.split(/(\{[a-z]+\})/).map((part) => {
    if (part === '{slug}') return '[a-z]+(?:-[a-z]+)*(?:-[0-9a-z]{10})?';
    if (part === '{year}') return '20(?:1[5-9]|2[0-5])';
    if (part === '{month}') return '(?:0[1-9]|1[0-2])';
    if (part === '{noun}') return '[a-z]+';
    if (part === '{id}')
      return '(?:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|[0-9]+)';
    return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('')}$`);
}

describe('createMaze', () => {
  it('gives byte-identical pages for the same visit, from the same or another maze with the same options', () => {
    const one = createMaze({ secret: SECRET });
    const two = createMaze({ secret: SECRET });
    for (const strategy of TRAP_STRATEGIES)
      for (const target of sampleTargets(one))
        for (const method of ['GET', 'POST']) {
          const visit = visitOf(target, strategy, { method });
          const page = one.page(visit);
          expect(one.page(visit), `${strategy} ${target}`).toEqual(page);
          expect(two.page(visit), `${strategy} ${target}`).toEqual(page);
        }
  });

  it('gives another maze for another secret', () => {
    const one = createMaze({ secret: SECRET });
    const two = createMaze({ secret: `${SECRET}!` });
    for (const strategy of TRAP_STRATEGIES)
      for (const target of PROBES)
        expect(two.page(visitOf(target, strategy)).body).not.toBe(one.page(visitOf(target, strategy)).body);
  });

  it('makes pages that depend on the canaries the visit mints', () => {
    const maze = createMaze({ secret: SECRET });
    const other = maze.page(
      visitOf('/.env', 'files', { mint: (kind, slot) => `other-${fakeMint(kind, slot)}` }),
    );
    expect(other.body).toContain('DB_PASSWORD=other-password-');
    expect(maze.page(visitOf('/.env', 'files')).body).not.toContain('other-');
  });

  it('mints each canary of a page in its own slot, derived from the target', () => {
    const slots: string[] = [];
    const maze = createMaze({ secret: SECRET });
    const recording: CanaryMint = (kind, slot) => {
      slots.push(slot);
      return fakeMint(kind, slot);
    };
    maze.page(visitOf('/.env', 'files', { mint: recording }));
    expect(slots.length).toBeGreaterThan(5);
    expect(new Set(slots).size).toBe(slots.length);
    for (const slot of slots) expect(slot.startsWith('/.env#')).toBe(true);
  });

  it('links only along the configured templates, or a strategy’s own', () => {
    const templates = [
      '/kb/{slug}',
      '/news/{year}/{month}/{slug}.html',
      '/store/{noun}/{id}',
      '/t/{id}/{slug}/',
    ];
    const maze = createMaze({ secret: SECRET, templates, linksPerPage: 4 });
    for (const strategy of TRAP_STRATEGIES) {
      const allowed = [...templates, ...TRAP_STRATEGY_FACTORIES[strategy]({}).templates, '/library/{slug}'];
      const patterns = allowed.map(templateRegex);
      for (const target of sampleTargets(maze)) {
        const page = maze.page(visitOf(target, strategy));
        const links = page.contentType.startsWith('text/plain')
          ? pathsInText(page.body).filter((p) => maze.isMazePath('shop', p))
          : linksOf(page);
        for (const link of links)
          expect(
            patterns.some((p) => p.test(link)),
            `${strategy} ${target}: ${link}`,
          ).toBe(true);
      }
    }
  });

  it('shows linksPerPage deeper links', () => {
    const maze = createMaze({ secret: SECRET, linksPerPage: 9 });
    const page = maze.page(visitOf('/blog/', 'articles'));
    const related = page.body.split('<h2>Related posts</h2>')[1]!.split('</ul>')[0]!;
    expect(related.match(/<li>/g)).toHaveLength(9);
  });

  it('counts depth from the entrance: 0 outside, 1 at an entry path, one more per click, at most 255', () => {
    const maze = createMaze({ secret: SECRET });
    expect(maze.page(visitOf('/products?id=1', 'sql')).depth).toBe(0);
    let target = maze.entryPaths('shop', 'depth', 1, '/library/')[0]!;
    const rng = new Prng(new Uint8Array(16).fill(7));
    for (let expected = 1; expected <= 300; expected++) {
      const page = maze.page(visitOf(target, 'articles'));
      expect(page.depth).toBe(Math.min(expected, 255));
      target = rng.pick(linksOf(page));
    }
  });

  it('refuses bad options with a TypeError that names the problem', () => {
    const bad: [object, RegExp][] = [
      [{ secret: '' }, /secret/],
      [
        { secret: SECRET, templates: ['/docs/{slug}/{colour}'] },
        /"\/docs\/\{slug\}\/\{colour\}" has an unknown placeholder \{colour\}/,
      ],
      [{ secret: SECRET, templates: ['docs/{slug}'] }, /"docs\/\{slug\}" does not start with "\/"/],
      [{ secret: SECRET, templates: ['//evil.example/{slug}'] }, /empty/],
      [{ secret: SECRET, templates: ['/a/../{slug}'] }, /"\.\."/],
      [{ secret: SECRET, templates: ['/docs/{slug'] }, /without "}"/],
      [{ secret: SECRET, templates: ['/docs/{year}'] }, /no \{slug\} nor \{id\}/],
      [{ secret: SECRET, templates: ['/docs/{slug}{year}'] }, /right after/],
      [{ secret: SECRET, templates: ['/docs/{slug}/x-y'] }, /"-" after/],
      [{ secret: SECRET, templates: ['/docs/{slug}?q=1'] }, /character/],
      [{ secret: SECRET, templates: [] }, /templates/],
      [{ secret: SECRET, linksPerPage: 0 }, /linksPerPage/],
      [{ secret: SECRET, linksPerPage: 2.5 }, /linksPerPage/],
    ];
    for (const [options, message] of bad)
      expect(() => createMaze(options as never), JSON.stringify(options)).toThrow(message);
    expect(() => createMaze({ secret: SECRET }).page(visitOf('/', 'nope' as never))).toThrow(
      /no trap strategy named "nope"/,
    );
  });
});
