import type { Anomalies } from './anomalies.js';
import { charsetKind } from './charsets.js';
import { controlAt } from './http-token.js';

const MAX_BYTES = 64 * 1024;
const MAX_PARTS = 64;
const PART_HEADERS: ReadonlySet<string> = new Set([
  'content-disposition',
  'content-type',
  'content-transfer-encoding',
  'content-id',
  'content-description',
  'content-length',
  'content-language',
]);
// `name="..."` / `filename="..."`; the quoted form allows backslash escapes. Alternatives are disjoint.
const FIELD = /\b(name|filename)\s*=\s*("(?:[^"\\\r\n]|\\.)*"|[^;\s]*)/gi;
// HTML entities a form may legitimately put in names (`&auml;`, `&#228;`).
const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/g;

function latin1(body: Uint8Array): string {
  const end = Math.min(body.length, MAX_BYTES);
  let s = '';
  for (let i = 0; i < end; i += 4096) s += String.fromCharCode(...body.subarray(i, Math.min(end, i + 4096)));
  return s;
}

// How much a separator inside a name says. Field names are written by the site's own developers and
// never hold one; browsers percent-encode quotes in file names, so `\"` was written by hand, and `;`
// (`shell.asp;.jpg`) or a backslash inside the extension (`1.j\s\p`) hides the real extension from a
// filter. `=` and Windows paths (`C:\Users\me\cv.pdf`, old browsers) occur in real file names.
function nameWeight(kind: string, raw: string): number {
  const name = raw.replace(ENTITY, '');
  if (!/[;="\\]/.test(name)) return 0;
  if (kind.toLowerCase() === 'name' || /[;"]/.test(name)) return 0.9;
  const dot = name.lastIndexOf('.');
  return dot >= 0 && name.includes('\\', dot) ? 0.9 : 0.6;
}

function checkDisposition(value: string, out: Anomalies): void {
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(value); m !== null; m = FIELD.exec(value)) {
    const raw = m[2]!.startsWith('"') ? m[2]!.slice(1, -1) : m[2]!;
    // Separators inside a field name or file name split it differently in different parsers.
    const weight = nameWeight(m[1]!, raw);
    if (weight > 0) out.add('multipart-name', weight, 'body', value);
  }
}

function checkPartHeaders(block: string, out: Anomalies): string {
  let name = '';
  let dispositions = 0;
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const header = line.slice(0, colon);
    const lower = header.toLowerCase();
    const value = line.slice(colon + 1);
    if (controlAt(header) >= 0 || /\s/.test(header)) out.add('multipart-header', 0.8, 'body', line);
    else if (!PART_HEADERS.has(lower)) out.add('multipart-header', 0.6, 'body', line);
    if (lower === 'content-disposition') {
      dispositions++;
      checkDisposition(value, out);
      name = /\bname\s*=\s*"?([^";]*)/i.exec(value)?.[1] ?? name;
    } else if (lower === 'content-type') {
      const charset = /charset\s*=\s*("[^"]*"|[^;\s]+)/i.exec(value)?.[1];
      // A form field is decoded with the form's charset: a part of its own in UTF-16 only hides.
      if (charset !== undefined && charsetKind(charset) !== 'known')
        out.add('multipart-charset', 0.9, 'body', line);
    } else if (lower === 'content-transfer-encoding')
      out.add('multipart-transfer-encoding', 0.5, 'body', line);
  }
  if (dispositions > 1)
    out.add('multipart-header', 0.8, 'body', 'two Content-Disposition headers in one part');
  return name;
}

/**
 * The parts of a multipart body: part header names that are not plain tokens or not MIME part headers,
 * a part with two Content-Disposition headers, separators inside field and file names, evasive
 * charsets (also through the `_charset_` field) and Content-Transfer-Encoding.
 */
export function checkMultipart(body: Uint8Array, boundary: string, out: Anomalies): void {
  const text = latin1(body);
  const delimiter = `--${boundary}`;
  let pos = text.indexOf(delimiter);
  for (let parts = 0; pos >= 0 && parts < MAX_PARTS; parts++) {
    const start = pos + delimiter.length;
    if (text.startsWith('--', start)) return;
    const lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0) return;
    const blank = text.indexOf('\n\r\n', lineEnd);
    const bare = text.indexOf('\n\n', lineEnd);
    const headerEnd = blank < 0 ? bare : bare < 0 ? blank : Math.min(blank, bare);
    const next = text.indexOf(delimiter, lineEnd);
    if (headerEnd < 0 || (next >= 0 && headerEnd > next)) {
      pos = next;
      continue;
    }
    const name = checkPartHeaders(text.slice(lineEnd + 1, headerEnd), out);
    if (name === '_charset_') {
      const content = text.slice(headerEnd, next < 0 ? text.length : next).trim();
      // Browsers fill `_charset_` with the form's encoding: always a real, ASCII-compatible one.
      if (content !== '' && charsetKind(content) !== 'known')
        out.add('multipart-charset', 0.9, 'body', `_charset_=${content}`);
    }
    pos = next;
  }
}
