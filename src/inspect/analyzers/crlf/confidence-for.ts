import type { ValueKind } from '../../inspectable.js';
import type { InjectedLine } from './find-injected-line.js';

/** Where a value lives decides how odd a line break in it is. */
type Context = 'header' | 'query' | 'field';

/** Confidence of an injected line per context: headers and cookies never carry line breaks honestly. */
const TABLE: Readonly<Record<InjectedLine, Readonly<Record<Context, number>>>> = {
  'status-line': { header: 1, query: 1, field: 1 },
  'request-line': { header: 1, query: 1, field: 1 },
  'known-header': { header: 1, query: 1, field: 1 },
  header: { header: 1, query: 0.85, field: 0 },
  markup: { header: 1, query: 0.85, field: 0 },
  parameter: { header: 0.6, query: 0.7, field: 0 },
};

const BLANK = /\s/;

function contextOf(kind: ValueKind): Context | undefined {
  switch (kind) {
    case 'header-value':
    case 'cookie-value':
    case 'method':
      return 'header';
    case 'query-value':
    case 'query-name':
    case 'path':
    case 'path-segment':
    case 'cookie-name':
    case 'header-name':
      return 'query';
    case 'body-value':
    case 'body-name':
      return 'field';
    default:
      // Whole bodies and uploaded files hold MIME parts, mails and HTTP dumps legitimately.
      return undefined;
  }
}

/**
 * How sure an injected line is an attack, given the value's kind and how early the break comes: in a
 * form field, a short token then a break is a payload (`foobar\r\nContent-Length: 0`), while a break
 * after prose is a pasted mail or HTTP dump and does not count — unless the break was percent-encoded twice.
 */
export function confidenceFor(
  line: InjectedLine,
  kind: ValueKind,
  firstBreak: number,
  text: string,
  bareReturn = false,
  encodedTwice = false,
): number {
  const context = contextOf(kind);
  if (context === undefined) return 0;
  // `?a=x%0Dnext=y`: a CR alone splits the query for a backend that reads lines, and nothing but a
  // crafted request sends one (text boxes send CRLF, scripts LF).
  const base = line === 'parameter' && context === 'query' && bareReturn ? 0.9 : TABLE[line][context];
  // A break encoded twice was written to pass a first decoding, whatever text comes before it.
  if (context !== 'field' || base === 0 || encodedTwice) return base;
  return firstBreak <= 32 && !BLANK.test(text.slice(0, firstBreak)) ? base : 0;
}
