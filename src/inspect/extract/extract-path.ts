import { isPlainSegment } from './is-plain.js';
import type { ValueSink } from './value-sink.js';

/** The raw path as `path`, and each segment that is not plain as `path.<i>` (0 is the first after `/`). */
export function extractPath(path: string, sink: ValueSink): void {
  if (path === '') return;
  sink.add('path', 'path', path);
  let start = path.charCodeAt(0) === 47 ? 1 : 0;
  for (let index = 0; start <= path.length; index++) {
    let end = path.indexOf('/', start);
    if (end < 0) end = path.length;
    if (!isPlainSegment(path, start, end)) sink.add(`path.${index}`, 'path-segment', path.slice(start, end));
    start = end + 1;
  }
}
