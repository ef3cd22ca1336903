import { describe, expect, it } from 'vitest';
import { createMaze } from '../../create-maze.js';
import { linksOf, visitOf } from '../../maze.testing.js';

const maze = createMaze({ secret: 'account test secret' });

describe('the account strategy', () => {
  it('lets any credentials in: a 302 into the account area with a canary session cookie', () => {
    const page = maze.page(
      visitOf('/wp-login.php', 'account', { method: 'POST', body: 'log=admin&pwd=hunter2' }),
    );
    expect(page.status).toBe(302);
    expect(page.headers.location).toMatch(/^\/account\//);
    expect(maze.isMazePath('shop', page.headers.location!)).toBe(true);
    expect(page.headers['set-cookie']).toMatch(
      /^[\w.]+=session-[0-9a-z]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
  });

  it('shows the account area: profile, orders and API credentials, all canaries, with links deeper', () => {
    const login = maze.page(visitOf('/login', 'account', { method: 'POST' }));
    const page = maze.page(visitOf(login.headers.location!, 'account'));
    expect(page.status).toBe(200);
    expect(page.depth).toBe(1);
    expect(page.body).toMatch(/<h1>Welcome back, [A-Z][a-z]+<\/h1>/);
    expect(page.body).toMatch(/<dt>Email<\/dt><dd>email-[0-9a-z]+<\/dd>/);
    expect(page.body).toMatch(/Personal access token: <code>jwt-[0-9a-z]+<\/code>/);
    expect(page.body).toMatch(/API key: <code>api-key-[0-9a-z]+<\/code>/);
    expect(page.body).toMatch(/<a href="\/account\/orders\/[0-9a-f-]{36}">#[0-9a-f]{8}<\/a>/);
    for (const link of linksOf(page)) expect(maze.page(visitOf(link, 'account')).depth).toBe(2);
  });

  it('shows a login form to a GET of a login page', () => {
    const page = maze.page(visitOf('/user/login', 'account'));
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<form method="post" action="\/account\/login\/[a-z-]+-[0-9a-z]{10}">/);
  });
});
