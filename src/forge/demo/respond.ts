import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Sends a fixed body with its type and an exact Content-Length. */
export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: OutgoingHttpHeaders = {},
): void {
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    ...headers,
    'content-type': contentType,
    'content-length': payload.length,
  });
  res.end(payload);
}

/** Sends an HTML page. */
export function sendHtml(
  res: ServerResponse,
  status: number,
  page: string,
  headers?: OutgoingHttpHeaders,
): void {
  send(res, status, 'text/html; charset=utf-8', page, headers);
}

/** Sends a value as JSON. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers?: OutgoingHttpHeaders,
): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** Sends plain text. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers?: OutgoingHttpHeaders,
): void {
  send(res, status, 'text/plain; charset=utf-8', text, headers);
}
