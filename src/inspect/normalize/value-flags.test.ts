import { describe, expect, it } from 'vitest';
import { scanValueFlags, ValueFlag } from './value-flags.js';

describe('scanValueFlags', () => {
  it.each([
    ['hello world', 0],
    ['jane.doe@example.com', 0],
    ['2024-01-31T10:00:00Z', 0],
    ['a+b', ValueFlag.PLUS],
    ['100%', ValueFlag.PERCENT],
    ['Tom & Jerry', ValueFlag.AMPERSAND],
    ['C:\\Users', ValueFlag.BACKSLASH],
    ['a\0b', ValueFlag.CONTROL],
    ['a\tb', ValueFlag.FOLDABLE],
    ['a  b', ValueFlag.FOLDABLE],
    ['café', ValueFlag.NON_ASCII],
    ['internationalization', ValueFlag.BASE64_LOOK],
    ['PHNjcmlwdD4+PC9hPg==', ValueFlag.PLUS | ValueFlag.BASE64_LOOK],
    ['PHNjcmlwdD4%2BPC9hPg%3D%3D', ValueFlag.PERCENT | ValueFlag.BASE64_ESCAPED_LOOK],
    ['short+token', ValueFlag.PLUS],
    ['O2lk', ValueFlag.BASE64_LOOK],
    ['fGlkfA%3D%3D', ValueFlag.PERCENT | ValueFlag.BASE64_ESCAPED_LOOK],
    ['Hello', 0],
    ['hello', 0],
    ['ABC-123', 0],
  ])('%j → %i', (value, flags) => {
    expect(scanValueFlags(value)).toBe(flags);
  });
});
