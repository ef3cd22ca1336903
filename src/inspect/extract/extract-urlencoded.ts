import type { ValueKind } from '../inspectable.js';
import { isPlainName } from './is-plain.js';
import { locationName } from './location-name.js';
import type { ValueSink } from './value-sink.js';

/** Where the pairs of a query string or form body go. */
export interface UrlencodedTarget {
  /** `query` or `body.form`. */
  readonly prefix: string;
  readonly valueKind: ValueKind;
  readonly nameKind: ValueKind;
}

/**
 * Splits `a=1&b[c]=2` into `prefix.a` and `prefix.b[c]`, as received (no decoding, `+` kept), repeated names
 * kept apart. Unusual names are values too (`prefix.b[c]#name`); a text without `=` is one value `prefix`, and
 * so is each piece without `=` in a text that has some.
 */
export function extractUrlencoded(text: string, target: UrlencodedTarget, sink: ValueSink): void {
  if (text === '') return;
  const { prefix, valueKind, nameKind } = target;
  if (text.indexOf('=') < 0) {
    sink.add(prefix, valueKind, text);
    return;
  }
  let start = 0;
  let eq = -1; // the next `=`, text.length when there is none
  while (start < text.length && !sink.full) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    // Looked up again only once passed, so that `&&&&...=` stays linear.
    if (eq < start) {
      eq = text.indexOf('=', start);
      if (eq < 0) eq = text.length;
    }
    if (eq >= end) {
      if (end > start) sink.add(prefix, valueKind, text.slice(start, end));
    } else {
      const name = text.slice(start, eq);
      const location = locationName(prefix, name);
      if (!isPlainName(name)) sink.add(`${location}#name`, nameKind, name);
      if (end > eq + 1) sink.add(location, valueKind, text.slice(eq + 1, end));
    }
    start = end + 1;
  }
}
