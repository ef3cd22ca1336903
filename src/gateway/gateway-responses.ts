import type { ServerResponse } from 'node:http';

const TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Content Too Large',
  421: 'Misdirected Request',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The status line text for a status the gateway answers itself. */
export function statusText(status: number): string {
  return TEXT[status] ?? 'Error';
}

/** The body of a gateway answer: the status and the request id, nothing about why. */
export function gatewayBody(status: number, requestId: string): string {
  return `${status} ${statusText(status)}\nrequest id: ${requestId}\n`;
}

/**
 * Answers a request from the gateway itself. Detection detail never goes into it: only the status and the
 * request id, which an operator can look up.
 */
export function sendGatewayResponse(
  res: ServerResponse,
  status: number,
  requestIdHeader: string,
  requestId: string,
  extraHeaders: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = gatewayBody(status, requestId);
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    [requestIdHeader]: requestId,
    ...extraHeaders,
  });
  res.end(body);
}

/** A raw HTTP/1.1 answer for a socket that has no ServerResponse (client errors, refused upgrades). */
export function rawGatewayResponse(status: number, requestId: string): string {
  const body = gatewayBody(status, requestId);
  return (
    `HTTP/1.1 ${status} ${statusText(status)}\r\ncontent-type: text/plain; charset=utf-8\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`
  );
}
