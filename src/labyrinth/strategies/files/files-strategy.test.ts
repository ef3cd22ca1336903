import { describe, expect, it } from 'vitest';
import { createMaze } from '../../create-maze.js';
import { pathsInText, visitOf } from '../../maze.testing.js';

const maze = createMaze({ secret: 'files test secret' });
const file = (target: string) => maze.page(visitOf(target, 'files'));
const mazePathsIn = (text: string) => pathsInText(text).filter((path) => maze.isMazePath('shop', path));

describe('the files strategy', () => {
  it('serves a .env of KEY=value lines whose secrets are minted canaries', () => {
    const page = file('/.env');
    expect(page.contentType).toBe('text/plain; charset=utf-8');
    const lines = page.body.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9_]*=\S*$/);
    expect(page.body).toMatch(/^DB_PASSWORD=password-[0-9a-z]+$/m);
    expect(page.body).toMatch(/^AWS_ACCESS_KEY_ID=aws-key-[0-9a-z]+$/m);
    expect(page.body).toMatch(/^STRIPE_SECRET=stripe-key-[0-9a-z]+$/m);
    expect(page.body).toMatch(/^GITHUB_TOKEN=github-token-[0-9a-z]+$/m);
    expect(mazePathsIn(page.body).length).toBeGreaterThanOrEqual(2);
  });

  it('serves /etc/passwd for a traversal, however it is encoded', () => {
    for (const target of [
      '/etc/passwd',
      '/download?file=..%2F..%2F..%2Fetc%2Fpasswd',
      '/x?f=..%252f..%252fetc%252fpasswd',
    ]) {
      const lines = file(target).body.trimEnd().split('\n');
      expect(lines[0], target).toBe('root:x:0:0:root:/root:/bin/bash');
      for (const line of lines) expect(line).toMatch(/^[a-z][a-z0-9._-]*:x:\d+:\d+:[^:]*:\/[^:]*:\/[a-z/]+$/);
      expect(lines.length).toBeGreaterThan(17);
    }
  });

  it('serves a wp-config.php with a canary database password and salts', () => {
    const body = file('/blog/wp-config.php.bak').body;
    expect(body.startsWith('<?php')).toBe(true);
    expect(body).toMatch(/define\( 'DB_PASSWORD', 'password-[0-9a-z]+' \);/);
    expect(body.match(/define\( '\w+_(?:KEY|SALT)',\s+'[^'\\]{64}' \);/g)).toHaveLength(8);
    expect(body).toContain("require_once ABSPATH . 'wp-settings.php';");
    expect(mazePathsIn(body).length).toBeGreaterThanOrEqual(1);
  });

  it('serves logs and configs for other files, with maze paths to follow', () => {
    const log = file('/var/log/nginx/access.log').body;
    for (const line of log.trimEnd().split('\n')) {
      const path = line.match(/"GET (\S+) HTTP\/1\.1" 200 \d+ /)?.[1];
      expect(path && maze.isMazePath('shop', path), line).toBe(true);
    }
    const config = file('/config/settings.yml').body;
    expect(config).toMatch(/^ {2}password: "password-[0-9a-z]+"$/m);
    expect(mazePathsIn(config).length).toBeGreaterThanOrEqual(6);
  });
});
