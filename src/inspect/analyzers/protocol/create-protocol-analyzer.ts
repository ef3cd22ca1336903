import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { ParsedRequest } from '../../parsed-request.js';
import { excerpt } from '../shared/excerpt.js';
import { Anomalies } from './anomalies.js';
import type { BodyContext } from './check-content-type.js';
import { checkEncoding } from './check-encoding.js';
import { checkFraming } from './check-framing.js';
import { checkHeaderFields } from './check-header-fields.js';
import { checkMultipart } from './check-multipart.js';
import { checkParameters, checkParameterValues } from './check-parameters.js';
import { checkParserRefusal } from './check-parser-refusal.js';
import { checkRequestLine } from './check-request-line.js';
import { checkUploadNames } from './check-upload-names.js';
import { readProtocolOptions } from './read-protocol-options.js';

const ID = 'protocol';
const MAX_FORM = 64 * 1024;
// Enough of the body to see a multipart delimiter (at most 72 bytes) at its start.
const HEAD = 128;
const NO_BODY: BodyContext = Object.freeze({ head: '' });
// Headers whose values are URLs or cookies that applications percent-decode.
const DECODED_HEADERS: ReadonlySet<string> = new Set(['cookie', 'referer']);

function boundaryOf(contentType: string): string | undefined {
  const m = /;\s*boundary\s*=\s*("([^"]*)"|[^;\s]+)/i.exec(contentType);
  return m === null ? undefined : (m[2] ?? m[1]);
}

// One byte, one character: the checks look at raw bytes and percent escapes, not at text.
const BYTES_AS_TEXT = new TextDecoder('latin1');

function latin1(body: Uint8Array, max: number): string {
  return BYTES_AS_TEXT.decode(body.subarray(0, Math.min(body.length, max)));
}

const FORM = 'application/x-www-form-urlencoded';

/** The percent-encoding of a form body's first `max` bytes; `cut` when the body goes on past what is read. */
function checkFormEncoding(body: Uint8Array, max: number, cut: boolean, out: Anomalies): void {
  const form = latin1(body, max);
  if (form.includes('%'))
    checkEncoding(form, { location: 'body', form: true, cut: cut || body.length > max }, out);
}

function findingsOf(out: Anomalies): Finding[] {
  return out.list().map((a) => ({
    analyzer: ID,
    rule: `${ID}/${a.rule}`,
    confidence: a.confidence,
    location: a.location,
    evidence: excerpt(a.evidence),
    transforms: [],
  }));
}

/**
 * HTTP protocol anomalies over the whole request: what Node's parser refuses (1), smuggling-grade
 * framing conflicts (0.9–1), malformed request lines, header fields and multipart bodies, encoding tricks
 * (NUL bytes, overlong UTF-8, `%u`, evasive charsets), Range abuse, httpoxy, uploads named after server
 * configuration, and odd-but-harmless signs weighted 0.3–0.6. Of a long body's rest, the encoding of a
 * form, its parameters and the names of uploads.
 * @example createProtocolAnalyzer().analyzeRequest?.(request)
 */
export function createProtocolAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxHeaders } = readProtocolOptions(ID, options);
  return {
    id: ID,
    analyzeRequest(request: ParsedRequest): readonly Finding[] {
      const { view } = request;
      const out = new Anomalies();
      const hasBody = view.body !== undefined && view.body.length > 0;
      checkParserRefusal(view, out);
      checkRequestLine(view, out);
      checkFraming(view, out);
      checkHeaderFields(view, hasBody ? { head: latin1(view.body!, HEAD) } : NO_BODY, out, maxHeaders);
      if (view.target.includes('%')) checkEncoding(view.target, { location: 'target', form: false }, out);
      for (const [name, value] of view.headers) {
        if (DECODED_HEADERS.has(name) && value.includes('%'))
          checkEncoding(value, { location: `header.${name}`, form: false }, out);
      }
      if (hasBody) {
        if (request.contentType === FORM) checkFormEncoding(view.body!, MAX_FORM, view.bodyCut === true, out);
        else if (request.contentType.startsWith('multipart/')) {
          const contentType = view.headers.find(([n]) => n === 'content-type')?.[1] ?? '';
          const boundary = boundaryOf(contentType);
          if (boundary !== undefined && boundary !== '') checkMultipart(view.body!, boundary, out);
        }
      }
      checkParameters(request, out);
      checkUploadNames(request, out);
      return findingsOf(out);
    },
    analyzeBodyRest(request: ParsedRequest): readonly Finding[] {
      const { view } = request;
      const out = new Anomalies();
      // A window is bounded by the inspection limit: all of it is read.
      if (view.body !== undefined && request.contentType === FORM)
        checkFormEncoding(view.body, view.body.length, view.bodyCut === true, out);
      checkParameterValues(request, out);
      checkUploadNames(request, out);
      return findingsOf(out);
    },
  };
}
