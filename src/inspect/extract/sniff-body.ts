/** Index of the first character that is not whitespace or a byte-order mark. */
export function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) break;
    i++;
  }
  return i;
}

/** Characters a form field name is made of before its `=` (percent-encoded or not). */
function isNameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 || // _
    c === 45 || // -
    c === 46 || // .
    c === 91 || // [
    c === 93 || // ]
    c === 37 || // %
    c === 36 || // $
    c === 43 // +
  );
}

/** The text starts like a form body, `name=...`, whatever its declared type: attackers lie about it. */
export function looksUrlencoded(text: string, start = 0): boolean {
  const limit = Math.min(text.length, start + 256);
  for (let i = start; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) return i > start;
    if (!isNameChar(c)) return false;
  }
  return false;
}

/** The text at `start` opens an XML document: `<?xml ` or `<!DOCTYPE`. */
export function looksXml(text: string, start = 0): boolean {
  const head = text.slice(start, start + 9).toLowerCase();
  return head.startsWith('<?xml') || head === '<!doctype';
}

/** The first line of a multipart body, `--boundary`, gives the boundary when the header lacks it. */
export function sniffBoundary(text: string): string | undefined {
  const start = firstNonSpace(text);
  if (!text.startsWith('--', start)) return undefined;
  let end = text.indexOf('\n', start);
  if (end < 0) return undefined;
  if (text.charCodeAt(end - 1) === 13) end--;
  const boundary = text.slice(start + 2, end);
  return boundary.length > 0 && boundary.length <= 200 ? boundary : undefined;
}
