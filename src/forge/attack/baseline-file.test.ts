import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baselinePath, readBaseline, writeFileAtomic } from './baseline-file.js';

const dir = mkdtempSync(join(tmpdir(), 'infinisec-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('baselinePath', () => {
  it('is --baseline, else beside --json, else under .infinisec in the working folder', () => {
    expect(baselinePath({ baseline: '/x/b.json', json: '/y/r.json', cwd: '/w' })).toBe('/x/b.json');
    expect(baselinePath({ json: '/y/r.json', cwd: '/w' })).toBe('/y/attack-last.json');
    expect(baselinePath({ cwd: '/w' })).toBe('/w/.infinisec/attack-last.json');
  });
});

describe('readBaseline', () => {
  it('takes a missing file for a first run and says what is wrong with a bad one', () => {
    expect(readBaseline(join(dir, 'none.json'))).toEqual({});
    const notJson = join(dir, 'a.json');
    writeFileSync(notJson, '{');
    expect(readBaseline(notJson).problem).toContain('is not JSON');
    const other = join(dir, 'b.json');
    writeFileSync(other, '{"score": 5}');
    expect(readBaseline(other).problem).toContain('is not an attack report');
    expect(readBaseline(dir).problem).toContain('cannot read');
  });
});

describe('writeFileAtomic', () => {
  it('creates the folder and replaces the file whole', () => {
    const path = join(dir, 'deep', 'er', 'last.json');
    writeFileAtomic(path, 'one');
    writeFileAtomic(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
  });
});
