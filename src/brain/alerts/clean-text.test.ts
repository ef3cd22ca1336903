import { describe, expect, it } from 'vitest';
import { cleanText, pathOnly } from './clean-text.js';

describe('cleanText', () => {
  it('turns control characters, line breaks and bidi overrides into single spaces', () => {
    expect(cleanText('evil\r\nX-Injected: 1')).toBe('evil X-Injected: 1');
    expect(cleanText('a\u0000\u0007\u001b[31mb')).toBe('a [31mb');
    expect(cleanText('user\u202egnp.exe')).toBe('user gnp.exe');
    expect(cleanText('zero\u200bwidth\ufeff')).toBe('zero width');
    expect(cleanText('\u0085line\u2028sep\u2029')).toBe('line sep');
  });

  it('keeps ordinary text, accents and emoji', () => {
    expect(cleanText("' OR 1=1 -- café 🦊")).toBe("' OR 1=1 -- café 🦊");
    expect(cleanText(42)).toBe('42');
  });

  it('cuts at max code points with an ellipsis, never inside a surrogate pair', () => {
    expect(cleanText('abcdefghij', 5)).toBe('abcd…');
    expect(cleanText('abcde', 5)).toBe('abcde');
    expect(cleanText('🦊'.repeat(10), 4)).toBe('🦊🦊🦊…');
    const long = cleanText(`${'🦊'.repeat(100_000)}`, 7);
    expect(long).toBe(`${'🦊'.repeat(6)}…`);
  });

  it('marks a long value cut even when what is left after cleaning fits', () => {
    const text = `x${'\u0000'.repeat(1000)}`;
    expect(cleanText(text, 10)).toBe('x…');
  });
});

describe('pathOnly', () => {
  it('drops the query and the fragment, which may carry secrets', () => {
    expect(pathOnly('/login?token=abc&password=hunter2')).toBe('/login?…');
    expect(pathOnly('/a#access_token=abc')).toBe('/a?…');
    expect(pathOnly('/plain/path')).toBe('/plain/path');
  });
});
