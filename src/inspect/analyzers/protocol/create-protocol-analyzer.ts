import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { ParsedRequest } from '../../parsed-request.js';
import { excerpt } from '../shared/excerpt.js';
import { Anomalies } from './anomalies.js';
import { checkEncoding } from './check-encoding.js';
import { checkFraming } from './check-framing.js';
import { checkHeaderFields } from './check-header-fields.js';
import { checkMultipart } from './check-multipart.js';
import { checkParameters } from './check-parameters.js';
import { checkRequestLine } from './check-request-line.js';
import { readProtocolOptions } from './read-protocol-options.js';

const ID = 'protocol';
const MAX_FORM = 64 * 1024;
// Headers whose values are URLs or cookies that applications percent-decode.
const DECODED_HEADERS: ReadonlySet<string> = new Set(['cookie', 'referer']);

function boundaryOf(contentType: string): string | undefined {
  const m = /;\s*boundary\s*=\s*("([^"]*)"|[^;\s]+)/i.exec(contentType);
  return m === null ? undefined : (m[2] ?? m[1]);
}

// One byte, one character: the checks look at raw bytes and percent escapes, not at text.
const BYTES_AS_TEXT = new TextDecoder('latin1');

function formBody(body: Uint8Array): string {
  return BYTES_AS_TEXT.decode(body.subarray(0, Math.min(body.length, MAX_FORM)));
}

/**
 * HTTP protocol anomalies over the whole request: smuggling-grade framing conflicts (0.9–1), malformed
 * request lines, header fields and multipart bodies, encoding tricks (NUL bytes, overlong UTF-8, `%u`,
 * evasive charsets), Range abuse, httpoxy, and odd-but-harmless signs weighted 0.3–0.5.
 * @example createProtocolAnalyzer().analyzeRequest?.(request)
 */
export function createProtocolAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxHeaders } = readProtocolOptions(ID, options);
  return {
    id: ID,
    analyzeRequest(request: ParsedRequest): readonly Finding[] {
      const { view } = request;
      const out = new Anomalies();
      checkRequestLine(view, out);
      checkFraming(view, out);
      checkHeaderFields(view, out, maxHeaders);
      if (view.target.includes('%')) checkEncoding(view.target, 'target', out);
      for (const [name, value] of view.headers) {
        if (DECODED_HEADERS.has(name) && value.includes('%')) checkEncoding(value, `header.${name}`, out);
      }
      if (view.body !== undefined && view.body.length > 0) {
        if (request.contentType === 'application/x-www-form-urlencoded') {
          const form = formBody(view.body);
          if (form.includes('%')) checkEncoding(form, 'body', out);
        } else if (request.contentType.startsWith('multipart/')) {
          const contentType = view.headers.find(([n]) => n === 'content-type')?.[1] ?? '';
          const boundary = boundaryOf(contentType);
          if (boundary !== undefined && boundary !== '') checkMultipart(view.body, boundary, out);
        }
      }
      checkParameters(request, out);
      return out.list().map((a) => ({
        analyzer: ID,
        rule: `${ID}/${a.rule}`,
        confidence: a.confidence,
        location: a.location,
        evidence: excerpt(a.evidence),
        transforms: [],
      }));
    },
  };
}
