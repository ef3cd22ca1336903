import { isPlainSegment } from './is-plain.js';
import type { ValueSink } from './value-sink.js';

const MIN_ENCODED = 16;
const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;
const DIGIT = /[0-9]/;

// A plain segment that reads as base64 rather than a word, slug, hash or id: long, with capitals, small
// letters and digits mixed, and no dot of a file name.
function looksEncoded(segment: string): boolean {
  return (
    segment.length >= MIN_ENCODED &&
    !segment.includes('.') &&
    UPPER.test(segment) &&
    LOWER.test(segment) &&
    DIGIT.test(segment)
  );
}

/**
 * The raw path as `path`, and as `path.<i>` (0 is the first after `/`) each segment that is not plain or
 * that looks base64-encoded.
 */
export function extractPath(path: string, sink: ValueSink): void {
  if (path === '') return;
  sink.add('path', 'path', path);
  let start = path.charCodeAt(0) === 47 ? 1 : 0;
  for (let index = 0; start <= path.length; index++) {
    let end = path.indexOf('/', start);
    if (end < 0) end = path.length;
    if (!isPlainSegment(path, start, end)) sink.add(`path.${index}`, 'path-segment', path.slice(start, end));
    else if (end - start >= MIN_ENCODED && looksEncoded(path.slice(start, end)))
      sink.add(`path.${index}`, 'path-segment', path.slice(start, end));
    start = end + 1;
  }
}
