/** A start tag read by `scanStartTag`. */
export interface XmlStartTag {
  readonly name: string;
  /** Index after the tag's `>` (the text length when the tag is cut off). */
  readonly end: number;
  readonly selfClosing: boolean;
  /** Attribute names and raw values (entities not expanded), in order. */
  readonly attributes: readonly (readonly [string, string])[];
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 128;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index of the end of a name or unquoted value: whitespace, `>`, `/>` or (for names) `=`. */
function tokenEnd(text: string, i: number, stopAtEquals: boolean): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 62 || (c === 47 && text.charCodeAt(i + 1) === 62) || (stopAtEquals && c === 61))
      break;
    i++;
  }
  return i;
}

/** Reads the start tag at `lt` leniently (unquoted and valueless attributes pass); undefined if none is there. */
export function scanStartTag(text: string, lt: number): XmlStartTag | undefined {
  if (!isNameStart(text.charCodeAt(lt + 1))) return undefined;
  let i = tokenEnd(text, lt + 1, false);
  const name = text.slice(lt + 1, i);
  const attributes: [string, string][] = [];
  for (;;) {
    i = skipSpace(text, i);
    if (i >= text.length) return { name, end: text.length, selfClosing: false, attributes };
    const c = text.charCodeAt(i);
    if (c === 62) return { name, end: i + 1, selfClosing: false, attributes };
    if (c === 47 && text.charCodeAt(i + 1) === 62) return { name, end: i + 2, selfClosing: true, attributes };
    const from = i;
    i = tokenEnd(text, i, true);
    if (i === from) {
      i++; // a stray `=` or `/`
      continue;
    }
    const attribute = text.slice(from, i);
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== 61) {
      attributes.push([attribute, '']);
      continue;
    }
    i = skipSpace(text, i + 1);
    const quote = text.charCodeAt(i);
    if (quote === 34 || quote === 39) {
      const close = text.indexOf(quote === 34 ? '"' : "'", i + 1);
      const end = close < 0 ? text.length : close;
      attributes.push([attribute, text.slice(i + 1, end)]);
      i = end + 1;
    } else {
      const end = tokenEnd(text, i, false);
      attributes.push([attribute, text.slice(i, end)]);
      i = end;
    }
  }
}
