import type { ValueSink } from './value-sink.js';

// Invalid sequences become U+FFFD rather than failing: a malformed body is still inspected.
const decoder = new TextDecoder('utf-8');

/** The first `maxBytes` of the body as text, recording `body-bytes` when the rest is left out. */
export function decodeBody(body: Uint8Array, maxBytes: number, sink: ValueSink): string {
  if (body.length > maxBytes) {
    sink.over('body-bytes');
    return decoder.decode(body.subarray(0, maxBytes));
  }
  return decoder.decode(body);
}
