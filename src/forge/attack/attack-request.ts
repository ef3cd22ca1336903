/** One request a scenario sends: the request line's method and target, headers in order, and a body. */
export interface AttackRequest {
  readonly method: string;
  /** The request-target exactly as sent (path and query, encoded as the scenario chose). */
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: Buffer | string | undefined;
  /** Where the payload is when the target does not show it (`Referer: …`, a body), for reports. */
  readonly note?: string;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The bytes of an HTTP/1.1 request: the Host given (any Host of the request is replaced, so that it reaches
 * the site under test), a Content-Length computed for the body unless the request frames it itself
 * (Transfer-Encoding), and `Connection: close`, since every request has its own connection.
 * @example serializeRequest({ method: 'GET', target: '/', headers: [] }, '127.0.0.1:8080')
 */
export function serializeRequest(request: AttackRequest, host: string): Buffer {
  const body =
    request.body === undefined
      ? Buffer.alloc(0)
      : Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(request.body, 'utf8');
  const lines = [`${request.method} ${request.target} HTTP/1.1`, `Host: ${host}`];
  let framed = false;
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'content-length' || lower === 'connection') continue;
    if (lower === 'transfer-encoding') framed = true;
    lines.push(`${name}: ${value}`);
  }
  if (!framed && (body.length > 0 || BODY_METHODS.has(request.method.toUpperCase())))
    lines.push(`Content-Length: ${body.length}`);
  lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
}

/** The request in one short line, for samples in reports: `GET /search?q=…`, cut to `max` characters. */
export function describeRequest(request: AttackRequest, max = 160): string {
  const line = `${request.method} ${request.target}${request.note === undefined ? '' : ` ${request.note}`}`;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
