import type { RawRequestParts } from '../../inspect/index.js';

/** One labelled request of a corpus in the JSON Lines format of `docs/detection.md`. */
export interface CorpusCase {
  readonly id: string;
  readonly source: string;
  readonly category: string;
  readonly malicious: boolean;
  readonly method: string;
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string | null;
  readonly body_b64: string | null;
}

/** Checks one parsed JSON line; returns a problem text when it is not a case. */
export function corpusCaseProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const c = value as Record<string, unknown>;
  for (const field of ['id', 'source', 'category', 'method', 'target'] as const) {
    if (typeof c[field] !== 'string') return `"${field}" must be a string`;
  }
  if (typeof c.malicious !== 'boolean') return '"malicious" must be true or false';
  if (!Array.isArray(c.headers) || !c.headers.every((h) => Array.isArray(h) && h.length === 2)) {
    return '"headers" must be a list of [name, value] pairs';
  }
  return undefined;
}

/** Decodes a chunked body; undefined when it is not well-formed chunked encoding. */
export function decodeChunked(raw: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < raw.length) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = Number.parseInt(raw.subarray(at, lineEnd).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isInteger(size) || size < 0) return undefined;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (start + size > raw.length) return undefined;
    parts.push(raw.subarray(start, start + size));
    at = start + size + 2;
  }
  return undefined;
}

/**
 * The request as the gateway would receive it: a Host is added when the case has none, as a sender does,
 * and the body is the text as UTF-8 or the base64 bytes (decoded, when it was sent chunked).
 */
export function caseToRequest(c: CorpusCase, id: string): RawRequestParts {
  const rawHeaders: string[] = [];
  let hasHost = false;
  for (const [name, value] of c.headers) {
    rawHeaders.push(String(name), String(value));
    if (String(name).toLowerCase() === 'host') hasHost = true;
  }
  if (!hasHost) rawHeaders.push('Host', 'localhost');
  const body = c.body_b64
    ? Buffer.from(c.body_b64, 'base64')
    : c.body
      ? Buffer.from(c.body, 'utf8')
      : undefined;
  return { id, method: c.method, target: c.target, rawHeaders, httpVersion: '1.1', protocol: 'http', body };
}
