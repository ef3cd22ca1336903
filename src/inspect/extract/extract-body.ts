import { decodeBody } from './decode-body.js';
import { extractGraphql } from './extract-graphql.js';
import { extractJson, parseJson } from './extract-json.js';
import { extractMultipart } from './extract-multipart.js';
import { extractUrlencoded, type UrlencodedTarget } from './extract-urlencoded.js';
import { extractXml } from './extract-xml.js';
import { isJsonType, isXmlType, type MediaType } from './media-type.js';
import { firstNonSpace, looksUrlencoded, looksXml, sniffBoundary } from './sniff-body.js';
import type { ValueSink } from './value-sink.js';

const FORM: UrlencodedTarget = { prefix: 'body.form', valueKind: 'body-value', nameKind: 'body-name' };

/**
 * The body's values, parsed by what the body is rather than only by what it claims to be: a JSON or form
 * body sent as text/plain is parsed as such. Anything that does not parse is one `body` value of raw text.
 */
export function extractBody(body: Uint8Array, media: MediaType, maxBytes: number, sink: ValueSink): void {
  const text = decodeBody(body, maxBytes, sink);
  if (text === '') return;
  const { type } = media;
  if (type.startsWith('multipart/') || media.boundary !== undefined) {
    const declared = media.boundary;
    if (declared !== undefined && extractMultipart(text, declared, sink)) return;
    // A missing or wrong boundary parameter: the body's first line tells the one it really uses.
    const sniffed = sniffBoundary(text);
    if (sniffed === undefined || sniffed === declared || !extractMultipart(text, sniffed, sink))
      sink.add('body', 'body-text', text);
    return;
  }
  const start = firstNonSpace(text);
  const first = text.charCodeAt(start);
  if (first === 123 || first === 91) {
    const root = parseJson(text);
    if (root !== undefined) {
      extractJson(root, sink);
      return;
    }
  }
  if (first === 60 && (isXmlType(type) || looksXml(text, start)) && extractXml(text, sink)) return;
  if (type === 'application/graphql') {
    extractGraphql(text, sink);
    return;
  }
  const declaredOther = isJsonType(type) || isXmlType(type);
  if (type === 'application/x-www-form-urlencoded' || (!declaredOther && looksUrlencoded(text, start))) {
    extractUrlencoded(text, FORM, sink);
    return;
  }
  sink.add('body', 'body-text', text);
}
