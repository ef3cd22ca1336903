/** The status line and headers of an HTTP/1.x response. */
export interface ResponseHead {
  readonly status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** Bytes of the head, blank line included: the body starts after them. */
  readonly length: number;
}

const END = Buffer.from('\r\n\r\n');

/**
 * Parses a response head from the bytes received so far: undefined until the blank line has come, and for
 * what is not an HTTP/1.x status line (then the answer counts as none).
 * @example parseResponseHead(Buffer.from('HTTP/1.1 403 Forbidden\r\nX-A: 1\r\n\r\n'))?.status // 403
 */
export function parseResponseHead(received: Buffer): ResponseHead | undefined {
  const end = received.indexOf(END);
  if (end < 0) return undefined;
  const lines = received.subarray(0, end).toString('latin1').split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(lines[0] ?? '');
  if (match === null) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status: Number(match[1]), headers, length: end + END.length };
}
