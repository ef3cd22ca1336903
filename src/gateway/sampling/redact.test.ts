import { describe, expect, it } from 'vitest';
import { REDACTED, redactCookies, redactHeader, redactJson, redactUrlencoded } from './redact.js';

describe('sample redaction', () => {
  it('replaces sensitive and token-like values in urlencoded text and keeps attacks', () => {
    expect(redactUrlencoded("user=bob&password=hunter2&q=1'+union+select+1--")).toBe(
      `user=bob&password=${REDACTED}&q=1'+union+select+1--`,
    );
    expect(redactUrlencoded('t=eyJhbGciOiJIUzI1NiJ9abcdefghijklmnop&x=%zz')).toBe(`t=${REDACTED}&x=%zz`);
  });

  it('replaces credentials in headers and cookie values by name or shape', () => {
    expect(redactHeader('authorization', 'Bearer abc')).toBe(REDACTED);
    expect(redactHeader('user-agent', 'curl/8')).toBe('curl/8');
    expect(redactCookies('theme=dark; session=abc; other=0123456789abcdef0123456789')).toBe(
      `theme=dark; session=${REDACTED}; other=${REDACTED}`,
    );
  });

  it('replaces sensitive JSON members at any depth, also in a prefix that does not parse', () => {
    expect(JSON.parse(redactJson('{"user":{"name":"a","password":"p"},"q":"<script>"}'))).toEqual({
      user: { name: 'a', password: REDACTED },
      q: '<script>',
    });
    expect(redactJson('{"apiKey": "k1", "note": "x", "tok')).toBe(
      `{"apiKey": "${REDACTED}", "note": "x", "tok`,
    );
  });
});
