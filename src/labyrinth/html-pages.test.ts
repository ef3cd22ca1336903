import { describe, expect, it } from 'vitest';
import { createMaze } from './create-maze.js';
import { htmlProblems, visitOf } from './maze.testing.js';
import { TRAP_STRATEGIES } from './trap-strategy-name.js';

const maze = createMaze({ secret: 'html test secret' });
const HOSTILE = [
  '/<script>alert(1)</script>',
  '/x?q="><img src=x onerror=alert(1)>',
  "/x?id=1' OR '1'='1",
  '/%3Cscript%3Ealert(1)%3C/script%3E',
  '/x?a=</title><script>x</script>&b={{7*7}}',
  '/admin/<svg/onload=alert(1)>/',
  '/login?user="\'><script>',
];

function targets(): string[] {
  const entries = maze.entryPaths('shop', 'html', 10, '/library/');
  return [...HOSTILE, '/', '/.env', '/.git/config', '/backup/', '/wp-login.php', '/admin/', ...entries];
}

describe('maze HTML pages', () => {
  it('are well formed: doctype, one html/head/title/body, balanced tags, a nav with links, body text', () => {
    let checked = 0;
    for (const strategy of TRAP_STRATEGIES)
      for (const target of targets())
        for (const method of ['GET', 'POST']) {
          const page = maze.page(visitOf(target, strategy, { method }));
          if (!page.contentType.startsWith('text/html')) continue;
          expect(htmlProblems(page.body), `${strategy} ${method} ${target}`).toEqual([]);
          checked++;
        }
    expect(checked).toBeGreaterThan(150);
  });

  it('never reflect the target unescaped, in HTML or JSON', () => {
    for (const strategy of TRAP_STRATEGIES)
      for (const target of HOSTILE) {
        const page = maze.page(visitOf(target, strategy, { method: 'POST', body: '<script>x</script>' }));
        expect(page.body, `${strategy} ${target}`).not.toMatch(/<script|<img|<svg|<\/title><|<\/script/i);
        if (page.contentType.startsWith('application/json'))
          expect(() => JSON.parse(page.body)).not.toThrow();
      }
  });

  it('tell robots to stay out, in a header on every page', () => {
    for (const strategy of TRAP_STRATEGIES)
      expect(maze.page(visitOf('/', strategy)).headers['x-robots-tag']).toBe('noindex, nofollow');
  });
});
