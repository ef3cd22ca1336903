import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from './find-chromium.js';

const dir = mkdtempSync(join(tmpdir(), 'infinisec-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it is an executable, and only it', () => {
    const path = file('my-chrome', 0o755);
    expect(findChromium({ CHROMIUM_PATH: path, PATH: '' })).toEqual({ path });
    const plain = file('not-executable', 0o644);
    expect(findChromium({ CHROMIUM_PATH: plain, PATH: dir })).toEqual({
      missing: `CHROMIUM_PATH is ${plain}, which is not an executable file`,
    });
  });

  it('looks on PATH for chromium, chromium-browser, then google-chrome', () => {
    const bin = mkdtempSync(join(dir, 'bin-'));
    writeFileSync(join(bin, 'google-chrome'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(bin, 'chromium-browser'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findChromium({ PATH: `/nonexistent:${bin}` })).toEqual({ path: join(bin, 'chromium-browser') });
  });

  it('says why there is none', () => {
    const found = findChromium({ PATH: '/nonexistent' });
    expect(found).toEqual({ missing: expect.stringContaining('no Chromium found') });
  });
});
