const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `HTTP/1.1` (any case) at `at`; returns the index after it, or -1. */
export function readHttpVersion(s: string, at: number): number {
  if (s.slice(at, at + 5).toUpperCase() !== 'HTTP/') return -1;
  if (!isDigit(s.charCodeAt(at + 5))) return -1;
  if (s.charCodeAt(at + 6) === 46) return isDigit(s.charCodeAt(at + 7)) ? at + 8 : -1;
  return at + 6;
}

/** A response status line `HTTP/1.1 200 OK` at `at`. */
export function isStatusLine(s: string, at: number): boolean {
  const after = readHttpVersion(s, at);
  if (after < 0 || s.charCodeAt(after) !== 32) return false;
  return (
    isDigit(s.charCodeAt(after + 1)) && isDigit(s.charCodeAt(after + 2)) && isDigit(s.charCodeAt(after + 3))
  );
}

const MAX_TARGET = 2048;

/** Index of the next space before a line break, within `limit` characters, or -1. */
function spaceWithin(s: string, from: number, limit: number): number {
  const end = Math.min(s.length, from + limit);
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) return i;
    if (c === 10 || c === 13) return -1;
  }
  return -1;
}

/** A request line `GET /x HTTP/1.1` (a known method, one target, a version) starting at `at`. */
export function isRequestLine(s: string, at: number, end: number): boolean {
  const space = spaceWithin(s, at, 8);
  if (space < 0 || !METHODS.has(s.slice(at, space).toUpperCase())) return false;
  const second = spaceWithin(s, space + 1, MAX_TARGET);
  if (second < 0 || second === space + 1 || second >= end) return false;
  const after = readHttpVersion(s, second + 1);
  return after >= 0 && (after >= end || s.charCodeAt(after) === 13 || s.charCodeAt(after) === 10);
}
