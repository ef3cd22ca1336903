import { isPlainCookieName } from './is-plain.js';
import { locationName } from './location-name.js';
import type { ValueSink } from './value-sink.js';

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** Splits a Cookie header into `cookie.<name>` values (as received) and unusual names `cookie.<name>#name`. */
export function extractCookies(header: string, sink: ValueSink): void {
  let start = 0;
  let eq = -1; // the next `=`, header.length when there is none
  while (start < header.length && !sink.full) {
    let end = header.indexOf(';', start);
    if (end < 0) end = header.length;
    let from = start;
    let to = end;
    while (from < to && isSpace(header.charCodeAt(from))) from++;
    while (to > from && isSpace(header.charCodeAt(to - 1))) to--;
    // Looked up again only once passed, so that `;;;;...=` stays linear.
    if (eq < from) {
      eq = header.indexOf('=', from);
      if (eq < 0) eq = header.length;
    }
    if (eq >= to) {
      if (to > from) sink.add('cookie', 'cookie-value', header.slice(from, to));
    } else {
      const name = header.slice(from, eq);
      const location = locationName('cookie', name);
      if (!isPlainCookieName(name)) sink.add(`${location}#name`, 'cookie-name', name);
      if (to > eq + 1) sink.add(location, 'cookie-value', header.slice(eq + 1, to));
    }
    start = end + 1;
  }
}
