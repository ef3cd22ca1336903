import type { RawRequestParts } from '../inspect/index.js';

/**
 * Parses one raw HTTP/1.x request (request line, headers, blank line, body) as `infinisec inspect` reads it
 * on standard input; lines may end in CRLF or LF. Returns a problem text when the request line is missing.
 */
export function parseRawRequest(raw: Buffer): RawRequestParts | string {
  const text = raw.toString('latin1');
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  const useCrlf = crlf >= 0 && (lf < 0 || crlf <= lf);
  const end = useCrlf ? crlf : lf;
  const head = end < 0 ? text : text.slice(0, end);
  const bodyStart = end < 0 ? raw.length : end + (useCrlf ? 4 : 2);
  const [requestLine = '', ...headerLines] = head.split(/\r?\n/);
  const match = /^(\S+)\s+(\S+)(?:\s+HTTP\/(\d(?:\.\d)?))?\s*$/.exec(requestLine);
  if (match === null) return `not an HTTP request line: "${requestLine.slice(0, 80)}"`;
  const rawHeaders: string[] = [];
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    rawHeaders.push(
      line.slice(0, colon).trim(),
      Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8'),
    );
  }
  const body = raw.subarray(bodyStart);
  return {
    id: 'cli',
    method: match[1]!,
    target: Buffer.from(match[2]!, 'latin1').toString('utf8'),
    rawHeaders,
    httpVersion: match[3] ?? '1.1',
    protocol: 'http',
    body: body.length > 0 ? body : undefined,
  };
}
