import type { RequestView } from '../../core/index.js';

/** A request as the extraction cases write it: the target as sent, lower-cased header names. */
export interface CaseRequest {
  readonly method?: string;
  readonly target: string;
  readonly headers?: readonly (readonly [string, string])[];
  readonly body?: string | Uint8Array;
}

const encoder = new TextEncoder();

/** The RequestView the gateway would build for a case request. */
export function toRequestView(request: CaseRequest): RequestView {
  const q = request.target.indexOf('?');
  const headers = request.headers ?? [];
  const body = typeof request.body === 'string' ? encoder.encode(request.body) : request.body;
  return {
    id: 'case',
    method: request.method ?? (body === undefined ? 'GET' : 'POST'),
    target: request.target,
    path: q < 0 ? request.target : request.target.slice(0, q),
    query: q < 0 ? '' : request.target.slice(q + 1),
    host: headers.find(([name]) => name === 'host')?.[1] ?? '',
    headers,
    httpVersion: '1.1',
    protocol: 'http',
    ...(body === undefined ? {} : { body }),
  };
}
