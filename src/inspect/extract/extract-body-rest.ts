import type { RequestView } from '../../core/index.js';
import type { ParsedRequest } from '../parsed-request.js';
import type { ExtractLimits } from './extract-limits.js';
import { extractMultipart } from './extract-multipart.js';
import { extractUrlencoded, type UrlencodedTarget } from './extract-urlencoded.js';
import { locationName } from './location-name.js';
import { isJsonType, isXmlType, parseMediaType } from './media-type.js';
import { parseContentDisposition } from './parse-content-disposition.js';
import { firstNonSpace, looksUrlencoded, sniffBoundary } from './sniff-body.js';
import { END_WINDOW, endStart, ValueSink } from './value-sink.js';

const FORM: UrlencodedTarget = { prefix: 'body.form', valueKind: 'body-value', nameKind: 'body-name' };
const MULTIPART = 'body.multipart';
/** How much of the text before a window is read again in front of it: the end window of a long value. */
const CARRY = END_WINDOW;
/** How far into a part a file name is looked for. */
const PART_HEADERS = 1024;
// The part's Content-Disposition header, as far as it goes.
const DISPOSITION = /^content-disposition:([^\r\n]*)/im;

/** The rest of a body past the inspected prefix, read one window at a time, in order. */
export interface BodyRest {
  /**
   * The values of the next window of the body, read as the body's type with what came before in mind;
   * `last` once the body ended (the window may then be empty).
   */
  next(window: Uint8Array, last: boolean): ParsedRequest;
}

type Shape =
  | { readonly kind: 'form' }
  | { readonly kind: 'multipart'; readonly boundary: string }
  | { readonly kind: 'text' };

/** What the prefix shows the body to be, read as `extractBody` reads it; JSON, XML and the rest are text. */
function shapeOf(text: string, contentType: string | undefined): Shape {
  const media = parseMediaType(contentType);
  const { type } = media;
  if (type.startsWith('multipart/') || media.boundary !== undefined) {
    const declared = media.boundary;
    const boundary =
      declared !== undefined && text.includes(`--${declared}`) ? declared : sniffBoundary(text);
    return boundary === undefined ? { kind: 'text' } : { kind: 'multipart', boundary };
  }
  const start = firstNonSpace(text);
  const first = text.charCodeAt(start);
  if (first === 123 || first === 91 || first === 60) return { kind: 'text' };
  const declaredOther = isJsonType(type) || isXmlType(type) || type === 'application/graphql';
  if (type === 'application/x-www-form-urlencoded' || (!declaredOther && looksUrlencoded(text, start)))
    return { kind: 'form' };
  return { kind: 'text' };
}

/**
 * Where the text read again begins: at the start of the last form field when it starts in the last 2 KiB,
 * else where a long value's end begins (`endStart`: a line near the end, never inside a `%XX`).
 */
function carryStart(text: string, form: boolean): number {
  const field = form ? text.lastIndexOf('&') : -1;
  if (field >= 0 && field >= text.length - CARRY) return field;
  return text.length <= CARRY ? 0 : endStart(text);
}

/** The name of the form field the text ends in; `unchanged` when the text holds no field start. */
function lastFieldName(text: string, unchanged: string | undefined): string | undefined {
  const amp = text.lastIndexOf('&');
  const field = text.slice(amp + 1);
  const eq = field.indexOf('=');
  if (eq >= 0) return field.slice(0, eq);
  return amp >= 0 ? undefined : unchanged;
}

interface OpenPart {
  readonly name: string | undefined;
  readonly file: boolean;
}

/** The part the text ends in, from the headers after its last delimiter; `open` when no delimiter is in it. */
function lastPart(text: string, delimiter: string, open: OpenPart): OpenPart {
  let at = text.lastIndexOf(`\n${delimiter}`);
  if (at >= 0) at++;
  else if (text.startsWith(delimiter)) at = 0;
  else return open;
  const after = at + delimiter.length;
  if (text.startsWith('--', after)) return { name: undefined, file: true };
  const head = text.slice(after, after + PART_HEADERS);
  const line = DISPOSITION.exec(head);
  if (line === null) return { name: undefined, file: false };
  const { name, filename } = parseContentDisposition(line[1]!);
  return { name, file: filename !== undefined };
}

/** The end of a value that began before the text: what padding in front of a payload leaves to read. */
function endOf(value: string): string {
  return value.slice(carryStart(value, false));
}

/**
 * Reads the rest of a body that went on past the inspected prefix (`view.body`), one window at a time, so
 * that padding a body past the inspection limit hides nothing after it. What is read is what the prefix
 * path reads of a body: each form field or multipart part that starts in a window, whole (a file by its
 * head only), and the end of one that began before it, once it ends (as a long value's end is read); of
 * any other body (JSON, XML, text), its end. The last 2 KiB before a window is read again with it, so a
 * payload cut between two windows is whole.
 * @example const rest = createBodyRest(view, limits); rest.next(window, false).values
 */
export function createBodyRest(view: RequestView, limits: ExtractLimits): BodyRest {
  const decoder = new TextDecoder('utf-8');
  const body = view.body?.subarray(0, limits.maxBodyBytes);
  const prefix = body === undefined ? '' : new TextDecoder('utf-8').decode(body);
  let contentType: string | undefined;
  for (const [name, value] of view.headers) if (name === 'content-type') contentType ??= value;
  const shape = shapeOf(prefix, contentType);
  const form = shape.kind === 'form';
  const delimiter = shape.kind === 'multipart' ? `--${shape.boundary}` : '';
  let field = form ? lastFieldName(prefix, undefined) : undefined;
  let part: OpenPart = { name: undefined, file: false };
  if (shape.kind === 'multipart') part = lastPart(prefix, delimiter, part);
  // A short prefix is read again whole; a form's then starts a field, as `&` marks one.
  let carry = prefix.slice(carryStart(prefix, form));
  if (form && carry === prefix && !prefix.includes('&')) carry = `&${prefix}`;
  const media = parseMediaType(contentType);
  const encoder = new TextEncoder();
  // A form window's text stands for the body: the form's encoding is checked there. Other bodies are read
  // by their values alone.
  const parsed = (sink: ValueSink, text: string, last: boolean): ParsedRequest => ({
    view: form ? { ...view, body: encoder.encode(text), bodyCut: !last } : view,
    values: sink.values,
    contentType: media.type,
    overLimits: sink.overLimits,
  });
  return {
    next(window, last) {
      const sink = new ValueSink(limits);
      const text = carry + decoder.decode(window, { stream: !last });
      carry = text.slice(carryStart(text, form));
      if (shape.kind === 'form') {
        // Text before the first `&` goes on with the field the text before ended in.
        const amp = text.indexOf('&');
        if (amp < 0 && !last) return parsed(sink, text, last);
        const lead = amp < 0 ? text : text.slice(0, amp);
        const location = field === undefined ? FORM.prefix : locationName(FORM.prefix, field);
        if (lead !== '') sink.add(location, 'body-value', endOf(lead));
        if (amp >= 0) extractUrlencoded(text.slice(amp + 1), FORM, sink);
        field = lastFieldName(text, field);
      } else if (shape.kind === 'multipart') {
        let at = text.startsWith(delimiter) ? 0 : text.indexOf(`\n${delimiter}`);
        if (at < 0 && !last) return parsed(sink, text, last);
        // The delimiter's line end (CRLF or LF) belongs to it, not to the field.
        const lead = at < 0 ? text : text.slice(0, text.charCodeAt(at - 1) === 13 ? at - 1 : at);
        // A file goes on past its head uninspected, as in the prefix; the end of a field is read.
        if (!part.file && lead.trim() !== '') {
          const location =
            part.name === undefined ? `${MULTIPART}#continued` : locationName(MULTIPART, part.name);
          sink.add(location, 'body-value', endOf(lead));
        }
        if (at > 0) at++;
        if (at >= 0) extractMultipart(text.slice(at), shape.boundary, sink);
        part = lastPart(text, delimiter, part);
      } else if (last && text.trim() !== '') sink.add('body', 'body-text', endOf(text));
      return parsed(sink, text, last);
    },
  };
}
