import { describe, expect, it } from 'vitest';
import { readChunked } from './chunked-body.js';
import { parseResponseHead } from './response-head.js';

describe('parseResponseHead', () => {
  it('reads the status and the headers, lower-cased, repeated ones joined', () => {
    const raw = Buffer.from(
      'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 5\r\nX-A: 1\r\nx-a: 2\r\n\r\nbody',
    );
    const head = parseResponseHead(raw);
    expect(head).toEqual({
      status: 429,
      headers: { 'retry-after': '5', 'x-a': '1, 2' },
      length: raw.length - 4,
    });
  });

  it('waits for the blank line and refuses what is not an HTTP/1.x status line', () => {
    expect(parseResponseHead(Buffer.from('HTTP/1.1 200 OK\r\nA: b\r\n'))).toBeUndefined();
    expect(parseResponseHead(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n'))).toBeUndefined();
    expect(parseResponseHead(Buffer.from('HTTP/1.0 204\r\n\r\n'))?.status).toBe(204);
  });
});

describe('readChunked', () => {
  it('decodes complete chunks and sees the last one', () => {
    const read = readChunked(Buffer.from('3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n'));
    expect(read.body.toString()).toBe('abcde');
    expect(read.done).toBe(true);
  });

  it('keeps a partial chunk and says the body is not over', () => {
    const read = readChunked(Buffer.from('5\r\nabc'));
    expect(read).toEqual({ body: Buffer.from('abc'), done: false });
  });
});
