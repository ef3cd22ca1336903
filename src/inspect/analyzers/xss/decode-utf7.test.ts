import { describe, expect, it } from 'vitest';
import { decodeUtf7 } from './decode-utf7.js';

describe('decodeUtf7', () => {
  it('decodes shifted runs and keeps the rest', () => {
    expect(decodeUtf7('+ADw-script+AD4-alert(1)+ADw-/script+AD4-')).toBe('<script>alert(1)</script>');
    expect(decodeUtf7('a+-b')).toBe('a+b');
    expect(decodeUtf7('1 + 1')).toBe('1 + 1');
    expect(decodeUtf7('+AGEAYgBj-')).toBe('abc');
  });
});
