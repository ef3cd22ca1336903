import { describe, expect, it } from 'vitest';
import { createMaze } from '../../create-maze.js';
import { linksOf, visitOf } from '../../maze.testing.js';
import { createArticlesStrategy } from './articles-strategy.js';

const maze = createMaze({ secret: 'articles test secret', linksPerPage: 5 });

describe('the articles strategy', () => {
  it('writes articles with a title, headings, paragraphs, related posts and a sidebar', () => {
    const page = maze.page(visitOf('/blog/', 'articles'));
    expect(page.body).toMatch(/<article>\n<h1>[A-Z][^<]+<\/h1>/);
    expect(page.body.match(/<article>[\s\S]*<\/article>/)![0].match(/<h2>/g)!.length).toBeGreaterThanOrEqual(
      2,
    );
    const paragraphs = page.body.match(/<p>[A-Z][^<]{40,}/g)!;
    expect(paragraphs.length).toBeGreaterThanOrEqual(2);
    const related = page.body.split('<h2>Related posts</h2>')[1]!.split('</ul>')[0]!;
    expect(related.match(/<li><a href="/g)).toHaveLength(5);
    expect(page.body).toMatch(
      /<aside>\n<h2>Popular<\/h2>\n<ul>(?:<li><a href="[^"]+">[^<]+<\/a><\/li>){4}<\/ul>/,
    );
  });

  it('titles an article as the link that led to it said', () => {
    const page = maze.page(visitOf('/blog/', 'articles'));
    for (const [, href, text] of page.body.matchAll(
      /<li><a href="(\/[a-z]+\/[^"]*-[0-9a-z]{10})">([^<]+)<\/a>/g,
    )) {
      expect(maze.page(visitOf(href!, 'articles')).body).toContain(`<h1>${text}</h1>`);
    }
  });

  it('writes prose learned from the corpus and from extraText', () => {
    const extra = 'Quokkas and zebus graze near the harbour at dawn. '.repeat(40);
    const withExtra = createMaze({ secret: 'articles test secret', extraText: extra });
    const bodies = linksOf(withExtra.page(visitOf('/', 'articles')))
      .concat(Array.from({ length: 30 }, (_, i) => `/p${i}`))
      .map((target) => withExtra.page(visitOf(target, 'articles')).body);
    expect(bodies.some((body) => body.includes('Quokkas and zebus graze'))).toBe(true);
    expect(bodies.some((body) => body.includes('cache'))).toBe(true);
  });

  it('refuses extraText that is not text', () => {
    expect(() => createArticlesStrategy({ extraText: 42 as never })).toThrow(TypeError);
  });
});
