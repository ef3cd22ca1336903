import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The allowed imports between modules, as DESIGN.md's module table has them.
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  config: ['core'],
  inspect: ['core'],
  labyrinth: ['core'],
  defend: ['core', 'store'],
  gateway: ['core', 'config', 'inspect', 'labyrinth', 'defend'],
  brain: ['core', 'store'],
  guardian: ['core', 'store'],
  forge: ['core', 'inspect'],
  store: ['core'],
  control: ['core', 'store', 'guardian', 'brain', 'forge'],
};

const root = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('module boundaries', () => {
  it('every import between modules is one DESIGN.md allows', () => {
    const violations: string[] = [];
    for (const file of sources(root)) {
      const module = relative(root, file).split('/')[0]!;
      const allowed = ALLOWED[module];
      if (allowed === undefined) continue; // app and cli may import everything
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/from '(\.\.?\/[^']+)'/g)) {
        const target = relative(root, join(file, '..', match[1]!)).split('/')[0]!;
        if (target !== module && !allowed.includes(target))
          violations.push(`${relative(root, file)} → ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
