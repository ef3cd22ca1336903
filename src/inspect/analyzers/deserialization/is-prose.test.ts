import { describe, expect, it } from 'vitest';
import { anyProse, isProse } from './is-prose.js';

describe('isProse', () => {
  it('tells sentences that quote code from code alone', () => {
    const prose = [
      'console.log(x) prints undefined after the await, why?',
      'Use java.nio.file.Files.readAllLines(path) instead of a BufferedReader',
      'Él usó process.env según la guía oficial del proyecto',
      'one two three four five six seven eight nine',
    ];
    const code = [
      'process.env',
      "require('child_process').exec('cat /etc/passwd')",
      'while (true) { poll(); }',
      'function () { return 1 }',
      '{"__proto__":{"isAdmin":true}}',
      'document.cookie = "theme=dark; path=/"',
    ];
    for (const text of prose) expect(isProse(text), text).toBe(true);
    for (const text of code) expect(isProse(text), text).toBe(false);
  });

  it('finds the sentences behind percent-encoding', () => {
    const encoded = 'Use%20java.io.File%20instead%20of%20the%20old%20API';
    expect(isProse(encoded)).toBe(false);
    const variants = [
      { value: encoded, transforms: [] },
      { value: decodeURIComponent(encoded), transforms: ['url-decode'] },
    ];
    expect(anyProse(variants)).toBe(true);
  });
});
