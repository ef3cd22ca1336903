import type { RequestView } from '../core/index.js';

/** A request as it came off the wire, before anything was judged. */
export interface RawRequestParts {
  readonly id: string;
  readonly method: string;
  readonly target: string;
  /** Header names and values in arrival order, as a flat list: name, value, name, value... */
  readonly rawHeaders: readonly string[];
  readonly httpVersion: string;
  readonly protocol: 'http' | 'https';
  readonly body?: Uint8Array | undefined;
  /** True when `body` is only the first bytes of a longer body. */
  readonly bodyCut?: boolean;
}

/**
 * Builds the transport-free view that inspection works on. The gateway and `infinisec scan` both build
 * their views here, so a request is judged the same offline and live.
 */
export function buildRequestView(parts: RawRequestParts): RequestView {
  const { target, rawHeaders } = parts;
  const q = target.indexOf('?');
  const headers: [string, string][] = new Array(rawHeaders.length >> 1);
  let host = '';
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    headers[i >> 1] = [name, rawHeaders[i + 1]!];
    if (host === '' && name === 'host') host = rawHeaders[i + 1]!;
  }
  return {
    id: parts.id,
    method: parts.method,
    target,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    host,
    headers,
    httpVersion: parts.httpVersion,
    protocol: parts.protocol,
    ...(parts.body !== undefined && parts.body.length > 0 ? { body: parts.body } : {}),
    ...(parts.bodyCut === true ? { bodyCut: true } : {}),
  };
}
