import { isPlainName, isTokenValue } from './is-plain.js';
import { locationName } from './location-name.js';
import { parseContentDisposition } from './parse-content-disposition.js';
import type { ValueSink } from './value-sink.js';

const PREFIX = 'body.multipart';
/** Only the start of an uploaded file is inspected: enough for a script or a polyglot header. */
const FILE_HEAD = 1024;

interface PartHeaders {
  name: string | undefined;
  filename: string | undefined;
  /** Other part headers (`content-type`, ...) whose values are not plain tokens. */
  unusual: [string, string][];
}

/** A header line is `name: value` with a token name; anything else starts the content. */
function isHeaderLine(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && !line.slice(0, colon).includes(' ');
}

/**
 * Reads header lines from `i` up to the blank line and returns where the content starts: after the blank line,
 * or, when a part lacks it, at the first line that is not a header (so that content is still inspected).
 */
function readHeaders(text: string, i: number, headers: PartHeaders): number {
  for (;;) {
    const eol = text.indexOf('\n', i);
    if (eol < 0) return i;
    const line = text.slice(i, text.charCodeAt(eol - 1) === 13 && eol > i ? eol - 1 : eol);
    if (line === '') return eol + 1;
    if (!isHeaderLine(line)) return i;
    i = eol + 1;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') {
      const disposition = parseContentDisposition(value);
      headers.name ??= disposition.name;
      headers.filename ??= disposition.filename;
    } else if (value !== '' && !isTokenValue(value)) headers.unusual.push([name, value]);
  }
}

function addPart(headers: PartHeaders, content: string, index: number, sink: ValueSink): void {
  const { name, filename } = headers;
  const location = locationName(PREFIX, name ?? String(index));
  if (name !== undefined && !isPlainName(name)) sink.add(`${location}#name`, 'body-name', name);
  for (const [header, value] of headers.unusual) sink.add(`${location}#${header}`, 'header-value', value);
  if (filename === undefined) {
    if (content !== '') sink.add(location, 'body-value', content);
    return;
  }
  if (filename !== '') sink.add(`${location}#filename`, 'file-name', filename);
  if (content !== '') sink.add(location, 'file-content', content.slice(0, FILE_HEAD));
}

function addOutside(location: string, text: string, sink: ValueSink): void {
  if (text.trim() !== '') sink.add(location, 'body-text', text);
}

/**
 * Fields of a multipart body as `body.multipart.<name>`, file names as `...#filename`, the first KB of files
 * as file-content. Tolerates LF line ends and a missing final boundary; false when the boundary never occurs.
 */
export function extractMultipart(text: string, boundary: string, sink: ValueSink): boolean {
  const delimiter = `--${boundary}`;
  const nextDelimiter = `\n${delimiter}`;
  let at = text.indexOf(delimiter);
  if (at < 0) return false;
  addOutside(`${PREFIX}#preamble`, text.slice(0, at), sink);
  for (let index = 0; at >= 0 && !sink.full; index++) {
    let i = at + delimiter.length;
    if (text.startsWith('--', i)) {
      addOutside(`${PREFIX}#epilogue`, text.slice(i + 2), sink);
      return true;
    }
    const lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0) return true;
    const headers: PartHeaders = { name: undefined, filename: undefined, unusual: [] };
    i = readHeaders(text, lineEnd + 1, headers);
    // The delimiter is preceded by the line end that belongs to it; the blank line's LF may be that one.
    const next = text.indexOf(nextDelimiter, i - 1);
    let end = next < 0 ? text.length : next;
    if (end > i && text.charCodeAt(end - 1) === 13) end--;
    addPart(headers, text.slice(i, Math.max(i, end)), index, sink);
    at = next < 0 ? -1 : next + 1;
  }
  return true;
}
