import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileFallbackPage } from './fallback-page.js';

describe('compileFallbackPage', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is undefined without a fallback', () => {
    expect(compileFallbackPage(undefined)).toBeUndefined();
  });

  it('holds an inline page as bytes, with its status', () => {
    const page = compileFallbackPage({ status: 503, html: '<h1>Zurück gleich</h1>' });
    expect(page?.status).toBe(503);
    expect(page?.body.toString('utf8')).toBe('<h1>Zurück gleich</h1>');
  });

  it('reads a page file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fallback-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'down.html'), '<p>maintenance</p>');
    const page = compileFallbackPage({ status: 200, file: join(dir, 'down.html') });
    expect(page).toEqual({ status: 200, body: Buffer.from('<p>maintenance</p>') });
  });

  it('throws a TypeError naming the file when it cannot be read', () => {
    const missing = join(tmpdir(), 'no-such-dir-for-fallback', 'down.html');
    expect(() => compileFallbackPage({ status: 503, file: missing })).toThrow(TypeError);
    expect(() => compileFallbackPage({ status: 503, file: missing })).toThrow(/ENOENT/);
  });
});
