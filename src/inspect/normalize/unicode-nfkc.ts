import { type Transform, unchanged } from '../transform.js';

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * Unicode NFKC: compatibility forms fold to the plain ones, which covers full-width ASCII (`＜ｓｃｒｉｐｔ＞`),
 * small and mathematical variants (`﹤`, `𝐬𝐞𝐥𝐞𝐜𝐭`) and ligatures. ASCII input is returned after one scan.
 * @example unicodeNfkc.apply('＜script＞').value // '<script>'
 */
export const unicodeNfkc: Transform = {
  name: 'unicode-nfkc',
  apply(input) {
    if (isAscii(input)) return unchanged(input);
    const value = input.normalize('NFKC');
    return value === input ? unchanged(input) : { value, changed: true };
  },
};
