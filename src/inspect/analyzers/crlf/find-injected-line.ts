import { isKnownHeader } from './header-names.js';
import { isLineBreak, isTruncatingBreak } from './line-break.js';
import { readHeaderLine } from './read-header-line.js';
import { isRequestLine, isStatusLine } from './read-start-line.js';

/** What follows a line break, strongest first. */
export type InjectedLine =
  | 'status-line'
  | 'request-line'
  | 'known-header'
  | 'header'
  | 'markup'
  | 'parameter';

const STRENGTH: Readonly<Record<InjectedLine, number>> = {
  'status-line': 6,
  'request-line': 5,
  'known-header': 4,
  header: 3,
  markup: 2,
  parameter: 1,
};

/** The strongest injected line in a value and where its line break is. */
export interface InjectedLineHit {
  readonly line: InjectedLine;
  /** Index of the line break that starts it. */
  readonly breakAt: number;
  /** Index of the injected text. */
  readonly at: number;
  /** Index of the value's first line break: how much text precedes the injection. */
  readonly firstBreak: number;
  /** The break has a CR that no LF follows (`\r`, `\n\r`): no browser or text box writes one. */
  readonly bareReturn: boolean;
}

const PARAM_CHAR = /[\w.[\]-]/;

function isParameter(s: string, at: number, end: number): boolean {
  let i = at;
  while (i < end && i - at < 64 && PARAM_CHAR.test(s[i]!)) i++;
  return i > at && s.charCodeAt(i) === 61;
}

function isMarkup(s: string, at: number): boolean {
  if (s.charCodeAt(at) !== 60) return false;
  const c = s.charCodeAt(at + 1) | 0x20;
  return (c >= 97 && c <= 122) || c === 0x21;
}

function classify(
  s: string,
  at: number,
  end: number,
  blank: boolean,
  truncating: boolean,
): InjectedLine | undefined {
  if (isStatusLine(s, at)) return 'status-line';
  const header = readHeaderLine(s, at, end);
  if (header !== undefined) {
    if (isKnownHeader(header.name, header.value)) return 'known-header';
    // An unknown name needs the `Name: value` look; `javascript:alert(1)` on a new line is a URL.
    if (header.spaced) return 'header';
  }
  // A wide character that merely ends in 0x0A is ordinary CJK text unless a header follows.
  if (truncating) return undefined;
  if (isRequestLine(s, at, end)) return 'request-line';
  if (blank && isMarkup(s, at)) return 'markup';
  return isParameter(s, at, end) ? 'parameter' : undefined;
}

/**
 * Finds line breaks (CR, LF, Unicode separators, Latin-1-truncating wide characters) and classifies the
 * line each one starts: a status or request line, a header, markup after a blank line, or `name=value`.
 */
export function findInjectedLine(s: string, end: number): InjectedLineHit | undefined {
  let best: InjectedLineHit | undefined;
  let firstBreak = -1;
  let i = 0;
  while (i < end) {
    const c = s.charCodeAt(i);
    const plain = isLineBreak(c);
    if (!plain && !isTruncatingBreak(c)) {
      i++;
      continue;
    }
    const breakAt = i;
    if (firstBreak < 0) firstBreak = i;
    let feeds = 0;
    let returns = 0;
    let bareReturn = false;
    while (i < end && (isLineBreak(s.charCodeAt(i)) || isTruncatingBreak(s.charCodeAt(i)))) {
      const b = s.charCodeAt(i) & 0xff;
      if (b === 10 || s.charCodeAt(i) > 0x84) feeds++;
      else if (b === 13) {
        returns++;
        if (s.charCodeAt(i + 1) !== 10) bareReturn = true;
      }
      i++;
    }
    const line = classify(s, i, end, feeds >= 2 || returns >= 2, !plain);
    if (line !== undefined && (best === undefined || STRENGTH[line] > STRENGTH[best.line])) {
      best = { line, breakAt, at: i, firstBreak, bareReturn };
      if (line === 'status-line') break;
    }
  }
  return best;
}
