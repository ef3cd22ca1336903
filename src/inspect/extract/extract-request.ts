import type { RequestView } from '../../core/index.js';
import type { ParsedRequest } from '../parsed-request.js';
import { extractBody } from './extract-body.js';
import { extractHeaders } from './extract-headers.js';
import type { ExtractLimits } from './extract-limits.js';
import { extractPath } from './extract-path.js';
import { extractUrlencoded, type UrlencodedTarget } from './extract-urlencoded.js';
import { isPlainMethod } from './is-plain.js';
import { parseMediaType } from './media-type.js';
import { ValueSink } from './value-sink.js';

const QUERY: UrlencodedTarget = { prefix: 'query', valueKind: 'query-value', nameKind: 'query-name' };

function findHeader(headers: RequestView['headers'], name: string): string | undefined {
  for (const header of headers) if (header[0] === name) return header[1];
  return undefined;
}

/**
 * Every inspectable value of a request, as received, in request order: method (only when it is not a plain
 * token), path and unusual segments, query, headers and cookies, body. Never throws on malformed input.
 * @example extractRequest(view, DEFAULT_EXTRACT_LIMITS).values // [{ location: 'query.id', kind: 'query-value', value: '1' }, ...]
 */
export function extractRequest(view: RequestView, limits: ExtractLimits): ParsedRequest {
  const sink = new ValueSink(limits);
  if (!isPlainMethod(view.method)) sink.add('method', 'method', view.method);
  extractPath(view.path, sink);
  extractUrlencoded(view.query, QUERY, sink);
  extractHeaders(view.headers, sink);
  const media = parseMediaType(findHeader(view.headers, 'content-type'));
  if (view.body !== undefined && view.body.length > 0 && !sink.full)
    extractBody(view.body, media, limits.maxBodyBytes, sink);
  return { view, values: sink.values, contentType: media.type, overLimits: sink.overLimits };
}
