import type { Hit } from './hit.js';

// PHP stream wrappers that read request bodies, archives, compressed or remote streams, or run commands
// when a path reaches include/fopen. Ordinary URL schemes (http, ftp, file) belong to other families.
const WRAPPER =
  /\b(?:php:\/\/(?:input|filter|stdin|fd|memory|temp|output|stdout|stderr)|phar:\/\/|zip:\/\/|compress\.(?:zlib|bzip2):\/\/|expect:\/\/|glob:\/\/|rar:\/\/|ogg:\/\/|ssh2\.(?:shell|exec|tunnel|sftp|scp):\/\/)/i;
// `data:` URIs that an include would run: a text/plain or PHP payload.
const DATA_URI = /^\s*data:(?:\/\/)?(?:text\/plain|application\/x-httpd-php|text\/x-php)/i;
const PHP_IN_DATA = /<\?(?:php|=)/i;
// A value that is nothing but PHP stream filters (`convert.iconv.UTF8.CSISO2022KR|convert.base64-decode`):
// the links of a `php://filter` chain, which builds PHP code out of charset conversions.
const FILTER = String.raw`(?:convert\.(?:iconv\.[\w:-]{1,40}\.[\w:-]{1,40}|base64-(?:en|de)code|quoted-printable-(?:en|de)code)|string\.(?:rot13|toupper|tolower)|zlib\.(?:de|in)flate|dechunk)`;
const FILTER_CHAIN = new RegExp(String.raw`^\s*${FILTER}(?:\|${FILTER}){0,64}\s*$`, 'i');
const FILTER_START = /^\s*(?:convert\.|string\.|zlib\.|dechunk)/i;

/** A value made only of PHP stream filter names, the pieces of a filter chain. */
export function findFilterChain(text: string): Hit | undefined {
  if (!FILTER_START.test(text) || !FILTER_CHAIN.test(text)) return undefined;
  return { rule: 'filter-chain', confidence: 0.9, evidence: text.trim().slice(0, 64) };
}

function dataPayload(text: string): string {
  const comma = text.indexOf(',');
  if (comma < 0) return '';
  const payload = text.slice(comma + 1);
  if (!/;base64\s*,/i.test(text.slice(0, comma + 1))) return payload;
  try {
    return atob(payload.replace(/[^A-Za-z0-9+/=]/g, ''));
  } catch {
    return '';
  }
}

/**
 * PHP stream wrappers (`php://filter`, `phar://`, `expect://`...) and `data:` URIs carrying PHP. A
 * text `data:` URI is also strong where no upload goes (`inUrl`: the URL, a parameter name): there
 * it is a payload for an include, while a JSON body may well carry a text file as a data URL.
 */
export function findStreamWrapper(text: string, inUrl: boolean): Hit | undefined {
  const m = WRAPPER.exec(text);
  if (m !== null) {
    // Wrappers that filter, run commands, unpack archives or open SSH channels are never sent by users.
    const filter = /^(?:php:\/\/filter|expect:|phar:|ssh2\.)/i.test(m[0]);
    return {
      rule: 'stream-wrapper',
      confidence: filter ? 0.95 : 0.85,
      evidence: text.slice(m.index, m.index + 64),
    };
  }
  if (!DATA_URI.test(text)) return undefined;
  const armed = PHP_IN_DATA.test(dataPayload(text));
  return { rule: 'data-uri', confidence: armed ? 1 : inUrl ? 0.9 : 0.45, evidence: text.trim().slice(0, 64) };
}
