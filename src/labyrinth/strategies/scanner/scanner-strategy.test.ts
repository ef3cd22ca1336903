import { describe, expect, it } from 'vitest';
import { createMaze } from '../../create-maze.js';
import { linksOf, pathsInText, visitOf } from '../../maze.testing.js';

const maze = createMaze({ secret: 'scanner test secret' });
const probe = (target: string, site = 'shop') => maze.page(visitOf(target, 'scanner', { site }));
const OLD_SERVER = /^(?:Apache\/2\.[24]\.\d+|nginx\/1\.1[04]\.\d+|Microsoft-IIS\/8\.5)/;

describe('the scanner strategy', () => {
  it('exposes a .git/config whose remote is a canary internal URL', () => {
    const page = probe('/.git/config');
    expect(page.contentType).toBe('text/plain; charset=utf-8');
    expect(page.body).toMatch(/\[remote "origin"\]\n\turl = internal-url-[0-9a-z]+\n/);
    expect(
      pathsInText(page.body).filter((path) => maze.isMazePath('shop', path)).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('shows login forms that post to a maze login path', () => {
    const page = probe('/wp-login.php');
    const action = page.body.match(/<form method="post" action="([^"]+)">/)?.[1];
    expect(action).toMatch(/^\/account\/login\//);
    expect(maze.isMazePath('shop', action!)).toBe(true);
    expect(page.body).toContain('type="password"');
  });

  it('shows an admin panel with canary emails and an API key', () => {
    const page = probe('/phpmyadmin/index.php');
    expect(page.body).toContain('<h1>Dashboard</h1>');
    expect(page.body).toMatch(/<td>email-[0-9a-z]+<\/td>/);
    expect(page.body).toMatch(/<code>api-key-[0-9a-z]+<\/code>/);
  });

  it('lists directories of backups, every entry a maze path', () => {
    const page = probe('/backup/');
    expect(page.body).toContain('<h1>Index of /backup/</h1>');
    const links = linksOf(page);
    expect(links.filter((link) => /\.(?:tar|sql)\.gz$|\/$/.test(link)).length).toBeGreaterThanOrEqual(6);
    for (const link of links) expect(maze.isMazePath('shop', link), link).toBe(true);
  });

  it('claims one old server version per site, in its headers and page footers', () => {
    const servers = new Set<string>();
    for (const site of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const pages = ['/', '/backup/', '/admin/', '/.git/config', '/cgi-bin/test.cgi'].map((t) =>
        probe(t, site),
      );
      const server = pages[0]!.headers.server!;
      expect(server).toMatch(OLD_SERVER);
      for (const page of pages) expect(page.headers.server).toBe(server);
      expect(pages[1]!.body).toContain(`${server} Server at ${site} Port 80`);
      servers.add(server);
    }
    expect(servers.size).toBeGreaterThan(1);
  });
});
