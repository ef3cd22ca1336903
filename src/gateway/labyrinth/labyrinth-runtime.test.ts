import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Config, validateConfig } from '../../config/index.js';
import { compileLabyrinth } from './labyrinth-runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'infinisec-labyrinth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(labyrinth: Record<string, unknown>): Config {
  const result = validateConfig({
    sites: [{ name: 'shop', hosts: ['*'], upstream: { targets: ['http://127.0.0.1:3000'] } }],
    labyrinth: { enabled: true, secret: 'a-secret-of-sixteen-or-more', ...labyrinth },
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

const client = (ip: string, userAgent: string) => ({ ip, prefix: ip, fingerprint: '', userAgent });

describe('compileLabyrinth', () => {
  it('is off unless enabled', () => {
    expect(compileLabyrinth(config({ enabled: false }), 'fallback-secret-0123456789')).toBeUndefined();
  });

  it('verifies a good bot by name and address together', () => {
    const runtime = compileLabyrinth(
      config({ goodBots: { userAgents: ['Googlebot'], ranges: ['66.249.64.0/19'] } }),
      'x',
    )!;
    expect(runtime.isGoodBot(client('66.249.66.1', 'Mozilla/5.0 (compatible; Googlebot/2.1)'))).toBe(true);
    expect(runtime.isGoodBot(client('203.0.113.5', 'Mozilla/5.0 (compatible; Googlebot/2.1)'))).toBe(false);
    expect(runtime.isGoodBot(client('66.249.66.1', 'curl/8'))).toBe(false);
  });

  it('recognises trap links and the paths the maze made, and only those', () => {
    const runtime = compileLabyrinth(config({ trapLinks: { enabled: true, prefix: '/library/' } }), 'x')!;
    expect(runtime.isTrapPath('shop', '/library/anything')).toBe(true);
    const html = runtime.trapLinks('shop', '/');
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(3);
    for (const link of links) expect(runtime.maze.isMazePath('shop', link)).toBe(true);
    expect(html).toMatch(/^<div hidden aria-hidden="true" style="display:none">/);
    expect(runtime.isTrapPath('shop', '/products/boots')).toBe(false);
  });

  it("learns articles from the site's own pages, and names a file it cannot read", () => {
    const page = join(dir, 'about.html');
    writeFileSync(
      page,
      `<html><body>${'<p>Zebrafoam lanterns glow over quiet harbours at dusk.</p>'.repeat(40)}</body></html>`,
    );
    const runtime = compileLabyrinth(config({ trainingFiles: [page], strategy: 'articles' }), 'x')!;
    const mint = () => 'canary';
    const bodies = Array.from(
      { length: 20 },
      (_, i) =>
        runtime.maze.page({
          site: 'shop',
          target: `/blog/post-${i}`,
          method: 'GET',
          strategy: 'articles',
          mint,
        }).body,
    ).join('\n');
    expect(bodies).toMatch(/Zebrafoam|lanterns glow/);
    // The markup of the training page is not learnt as words.
    expect(bodies).not.toMatch(/&lt;\/?p&gt;|&lt;body/);
    expect(() => compileLabyrinth(config({ trainingFiles: [join(dir, 'missing.html')] }), 'x')).toThrow(
      /labyrinth\.trainingFiles: cannot read .*missing\.html/,
    );
  });

  it('keys the maze on the configured secret, else on the kept one', () => {
    const a = compileLabyrinth(config({}), 'kept-secret-0123456789')!;
    const b = compileLabyrinth(config({ secret: undefined }), 'kept-secret-0123456789')!;
    const c = compileLabyrinth(config({ secret: undefined }), 'another-kept-secret-0123')!;
    const [path] = b.maze.entryPaths('shop', 's', 1, '/library/');
    expect(b.maze.isMazePath('shop', path!)).toBe(true);
    expect(c.maze.isMazePath('shop', path!)).toBe(false);
    expect(a.maze.isMazePath('shop', path!)).toBe(false);
  });
});
