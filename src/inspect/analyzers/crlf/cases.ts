import type { ValueKind } from '../../inspectable.js';

/** A detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface CrlfCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

const HEADER = 'crlf/header-injection';

/** CRLF injection cases shared by the unit test, the benchmark and the fuzz target. */
export const crlfCases: readonly CrlfCase[] = [
  // Header and response splitting, in every spelling of a line break.
  { input: 'en%0d%0aSet-Cookie:%20session=evil', expect: HEADER },
  { input: 'foobar%0d%0aContent-Length:%200%0d%0a%0d%0aHTTP/1.1%20200%20OK', expect: HEADER },
  { input: 'x%0aLocation:%20http://evil.com/', expect: HEADER },
  // Line breaks spelled as JS escapes or entities, then percent-encoded for the URL.
  { input: '/%5Cu000aSet-Cookie:crlf=injection', expect: HEADER },
  { input: '%26%2313;%26%2310;Set-Cookie:crlf=injection', expect: HEADER },
  { input: 'see%20%5Cu00e9t%C3%A9%20notes', expect: null },
  { input: '%0d%0aRemote-addr:%20foo.bar.com', expect: HEADER },
  { input: '%0d%0aRemote-addr%0d%0d%0d:%20foo.bar.com', expect: HEADER },
  { input: '%0d%0arefresh:%20www.bar.com', expect: HEADER },
  { input: 'x%250d%250aSet-Cookie:a=b', expect: HEADER },
  { input: 'x%E5%98%8A%E5%98%8DSet-Cookie:%20a=b', expect: HEADER },
  { input: 'x\u2028Set-Cookie: a=b', expect: HEADER },
  { input: 'x%C2%85Location: /evil', expect: HEADER },
  {
    input: 'foobar&#13;&#10;Content-Length: 0&#13;&#10;&#13;&#10;HTTP/1.1 200 OK',
    kind: 'body-value',
    expect: HEADER,
  },
  { input: 'a\\r\\nSet-Cookie: x=1', kind: 'body-value', expect: HEADER },
  { input: '%0d%0aContent-Length:%200', kind: 'body-value', expect: HEADER },
  { input: 'Headerdata%0dInjectedHeader: response_splitting_code', kind: 'header-value', expect: HEADER },
  { input: 'en%0d%0aX-Anything: 1', kind: 'cookie-value', expect: HEADER },
  { input: 'x%0d%0a%0d%0aHTTP/1.1 200 OK', expect: HEADER },
  { input: 'x%0d%0aGET /admin HTTP/1.1', expect: HEADER },
  { input: 'aaa%0aGET+/+HTTP/1.1', kind: 'body-value', location: 'body.form.var', expect: HEADER },
  // Body injection after a blank line; new parameters after a line break.
  {
    input: 'munchmuch%0d%0a%0d%0a<HTML><title></title></HTML>',
    kind: 'cookie-value',
    expect: 'crlf/body-injection',
  },
  { input: 'test%0Anext=more', expect: 'crlf/parameter-injection' },
  { input: 'abc%0Dadmin=1', expect: 'crlf/parameter-injection' },
  { input: 'x%0A%0Drole=admin', expect: 'crlf/parameter-injection' },
  // Line breaks where none belong: paths and parameter names.
  { input: '/foo%0Abar', kind: 'path', location: 'path', expect: 'crlf/path-newline' },
  {
    input: '/index.php/PHP_VALUE%0Asession.auto_start=1;;;',
    kind: 'path',
    location: 'path',
    expect: 'crlf/path-newline',
  },
  {
    input: 'parameter%0d%0a',
    kind: 'query-name',
    location: 'query.parameter%0d%0a#name',
    expect: 'crlf/name-newline',
  },
  { input: '%0d%0restofdata', location: 'query', expect: 'crlf/name-newline' },
  // Request lines and header-equivalent markup without a line break.
  { input: 'GET http://www.foo.bar HTTP/1.2', expect: 'crlf/request-line' },
  { input: '<meta http-equiv="Refresh" content="0; url=http://evil.com/">', expect: 'crlf/meta-header' },
  { input: "<META HTTP-EQUIV='Set-Cookie' CONTENT='a=b'>", expect: 'crlf/meta-header' },
  // Benign: text areas, lists, pasted documents, ordinary values.
  { input: 'Hello,%0d%0a%0d%0aThanks for the order.%0d%0aRegards', kind: 'body-value', expect: null },
  { input: 'Dear team,\r\nLocation: Madrid office\r\nDate: Monday', kind: 'body-value', expect: null },
  // Encoded twice, a break after words is still written to pass a first decoding.
  {
    input: 'Credenciales+incorrectasany%253F%250D%250ASet-cookie%253A%2BTamper%253D1041264011025374727',
    kind: 'body-value',
    location: 'body.form.errorMsg',
    expect: HEADER,
  },
  { input: 'Name: John\nPhone: 555 1234', kind: 'body-value', expect: null },
  { input: 'me@example.com%0ABcc:%20victim@example.org', expect: HEADER },
  { input: 'a@b.io\r\nCc: c@d.io', kind: 'body-value', location: 'body.form.email', expect: HEADER },
  { input: 'Hi\ncc: the management team', kind: 'body-value', location: 'body.form.message', expect: null },
  {
    input: 'I saw this in the logs today:\r\nContent-Length: 0\r\nwhat does it mean?',
    kind: 'body-value',
    expect: null,
  },
  { input: 'line one%0aline two', expect: null },
  { input: 'x%0ajavascript:alert(1)', expect: null },
  { input: 'Notes%0AReminder:buy milk', expect: null },
  { input: '%0A%0Dlocation:%0A%0D', expect: null },
  { input: 'test%5Cr%5Cnmore%3Dtext', kind: 'body-value', expect: null },
  { input: 'POST /upload HTTP/1.1\r\nHost: x\r\n\r\nbody', kind: 'body-text', expect: null },
  {
    input: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--',
    kind: 'body-text',
    expect: null,
  },
  { input: 'See RFC: use HTTP/1.1 or HTTP/2 for this', expect: null },
  { input: 'the GET verb and HTTP/1.1', expect: null },
  { input: '<meta charset="utf-8">', expect: null },
  { input: '<meta http-equiv="Content-Type" content="text/html">', expect: null },
  { input: 'https://example.com/a/b?c=d', expect: null },
  { input: '嘊嘍 中文', expect: null },
  { input: '/api/v1/users/42', kind: 'path', location: 'path', expect: null },
  { input: 'C:\\new\\report.txt', expect: null },
  {
    input: 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/120.0',
    kind: 'header-value',
    expect: null,
  },
];
