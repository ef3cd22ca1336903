import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_TEXT } from './text.js';

describe('the article corpus', () => {
  it('is 15 to 25 KB of prose, marked as original and dedicated to the public domain', () => {
    expect(CORPUS_TEXT.length).toBeGreaterThan(15_000);
    expect(CORPUS_TEXT.length).toBeLessThan(25_000);
    expect(CORPUS_TEXT.split(/[.!?]\s/).length).toBeGreaterThan(150);
    const source = readFileSync(new URL('./text.ts', import.meta.url), 'utf8');
    expect(source).toMatch(
      /Original text written for this project and dedicated to the public domain under CC0 1\.0/,
    );
  });
});
