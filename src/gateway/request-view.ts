import type { IncomingMessage } from 'node:http';
import type { RequestView } from '../core/index.js';

/** Builds the transport-free view of a request that inspection works on. */
export function createRequestView(req: IncomingMessage, id: string, protocol: 'http' | 'https'): RequestView {
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const raw = req.rawHeaders;
  const headers: [string, string][] = new Array(raw.length / 2);
  for (let i = 0; i < raw.length; i += 2) headers[i / 2] = [raw[i]!.toLowerCase(), raw[i + 1]!];
  return {
    id,
    method: req.method ?? 'GET',
    target,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    host: req.headers.host ?? '',
    headers,
    httpVersion: req.httpVersion,
    protocol,
  };
}
