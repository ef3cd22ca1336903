const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

/**
 * The text with comments (`<!--…-->`) and CDATA markers removed: how an XML parser hands an element's
 * content to a data binding or serializer, rejoining what they split (`javas<!-- -->cript:`,
 * `<![CDATA[<img src="javas]]><![CDATA[cript:…">]]>`).
 * @example stripComments('javas<!-- x -->cript:') // 'javascript:'
 */
export function stripComments(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<!', i);
    const cdataEnd = s.indexOf(CDATA_CLOSE, i);
    if (lt < 0 && cdataEnd < 0) break;
    if (cdataEnd >= 0 && (lt < 0 || cdataEnd < lt)) {
      out += s.slice(i, cdataEnd);
      i = cdataEnd + CDATA_CLOSE.length;
    } else if (s.startsWith('<!--', lt)) {
      out += s.slice(i, lt);
      const close = s.indexOf('-->', lt + 4);
      i = close < 0 ? s.length : close + 3;
    } else if (s.startsWith(CDATA_OPEN, lt)) {
      out += s.slice(i, lt);
      i = lt + CDATA_OPEN.length;
    } else {
      out += s.slice(i, lt + 2);
      i = lt + 2;
    }
  }
  return out + s.slice(i);
}
