// IBM's EBCDIC code pages, under the names clients and libraries give them (`ibm037`, `cp1026`, `csIBM500`).
const EBCDIC =
  '0?(?:37|38|273|274|275|277|278|280|281|284|285|290|297|420|423|424|500|870|871|875|880|905|918|1025|1026|1047|114\\d)';

/** Charsets that let a payload hide from byte-oriented inspection: UTF-7, UTF-16/32, EBCDIC code pages. */
export const EVASIVE_CHARSET = new RegExp(
  `^(?:utf-?7|utf-?16(?:le|be)?|utf-?32(?:le|be)?|ucs-?[24]|(?:ibm|cp|csibm)-?${EBCDIC}|ebcdic.*|x-ebcdic.*)$`,
);

/**
 * Charsets clients use for request bodies that a decoder may not know by that name: libmagic's `binary`
 * (`file -i`), MySQL's `utf8mb4`, DOS code pages.
 */
export const KNOWN_CHARSET =
  /^(?:utf-?8|utf8mb4|us-ascii|ascii|binary|8bit|iso-?8859-\d{1,2}|latin-?1|windows-125\d|cp125\d|(?:ibm|cp)-?(?:437|737|775|85\d|86\d)|shift[_-]jis|sjis|euc-jp|euc-kr|euc-cn|iso-2022-jp|gb2312|gbk|gb18030|big5|koi8-[ru]|tis-620|x-user-defined)$/;

// UTF-16 is how some SOAP and XML clients really write; for anything else it only hides the payload.
const UTF16 = /^utf-?16(?:le|be)?$/;

/** How a charset label reads: one clients use, one that hides a payload, or no charset at all. */
export type CharsetKind = 'known' | 'evasive' | 'unknown';

// Labels already judged; requests repeat a handful of them.
const JUDGED = new Map<string, CharsetKind>();

/** Lower-cased, unquoted charset name. */
export function charsetName(raw: string): string {
  return raw
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
}

// The WHATWG Encoding Standard's labels (what browsers can submit) are the ones TextDecoder accepts.
function isEncodingLabel(name: string): boolean {
  try {
    new TextDecoder(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Judges a charset label of a request body: `evasive` (UTF-7, UTF-32, EBCDIC; UTF-16 unless the body is
 * XML or text), `unknown` (no encoding of that name exists: `garbage`, `utf-80`), else `known`.
 * @example charsetKind('"UTF-8"', 'application/x-www-form-urlencoded') // 'known'
 */
export function charsetKind(raw: string, mediaType = ''): CharsetKind {
  const name = charsetName(raw);
  if (UTF16.test(name))
    return mediaType.endsWith('xml') || mediaType.startsWith('text/') ? 'known' : 'evasive';
  let kind = JUDGED.get(name);
  if (kind === undefined) {
    // The decoder knows the ASCII-compatible IBM pages browsers use (`ibm866`), never the EBCDIC ones.
    if (isEncodingLabel(name)) kind = 'known';
    else if (EVASIVE_CHARSET.test(name)) kind = 'evasive';
    else kind = KNOWN_CHARSET.test(name) ? 'known' : 'unknown';
    if (JUDGED.size < 256) JUDGED.set(name, kind);
  }
  return kind;
}
