import { extractCookies } from './extract-cookies.js';
import { isPlainHeaderName, isTokenValue } from './is-plain.js';
import { locationName } from './location-name.js';
import { STRUCTURAL_HEADERS } from './structural-headers.js';
import type { ValueSink } from './value-sink.js';
import { wireText } from './wire-text.js';

/**
 * Header values that carry user input as `header.<name>`, unusual names as `header.<name>#name`, cookies
 * split; UTF-8 sent in a header is read as UTF-8 (see `wireText`).
 */
export function extractHeaders(headers: readonly (readonly [string, string])[], sink: ValueSink): void {
  for (let i = 0; i < headers.length && !sink.full; i++) {
    const [name, value] = headers[i]!;
    if (name === 'cookie') {
      extractCookies(wireText(value), sink);
      continue;
    }
    if (!isPlainHeaderName(name)) sink.add(`${locationName('header', name)}#name`, 'header-name', name);
    if (value === '' || (STRUCTURAL_HEADERS.has(name) && isTokenValue(value))) continue;
    sink.add(locationName('header', name), 'header-value', wireText(value));
  }
}
