import type { ConfigInput } from '../config/index.js';

/**
 * Settings laid under the user's file in demo mode: one site in front of the bundled demo app, with the
 * defences a shop would turn on, so that `infinisec attack` finds every kind of attack answered: the
 * labyrinth (with trap links for crawlers that ignore robots.txt), a login limit and a burst limit.
 */
export function demoConfig(demoUrl: string): ConfigInput {
  return {
    server: { listeners: [{ host: '127.0.0.1', port: 8080 }] },
    sites: [{ name: 'demo', hosts: ['*'], upstream: { targets: [demoUrl] } }],
    // A visitor who tries an attack by hand is let out of the maze after ten minutes, not an hour.
    labyrinth: { enabled: true, holdMs: 600_000, trapLinks: { enabled: true } },
    defend: {
      rateLimits: [
        // Ten logins a minute per address: plenty for a person who mistypes, little for a list of passwords.
        { name: 'login', key: 'ip', limit: 10, windowMs: 60_000, paths: ['/login'], methods: ['POST'] },
        // Bursts of a hundred requests per client, refilled over ten seconds.
        { name: 'burst', algorithm: 'token-bucket', limit: 100, windowMs: 10_000 },
      ],
    },
  };
}
