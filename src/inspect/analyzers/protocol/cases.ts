/** A request-level detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface ProtocolCase {
  /** Defaults to `GET`. */
  readonly method?: string;
  /** Defaults to `/`. */
  readonly target?: string;
  /** Defaults to `1.1`. */
  readonly httpVersion?: string;
  /** Added to a browser's Host and User-Agent; a header named here replaces the default one. */
  readonly headers?: readonly (readonly [string, string])[];
  readonly body?: string;
  readonly expect: string | null;
}

const FORM: readonly [string, string] = ['Content-Type', 'application/x-www-form-urlencoded'];
const MULTIPART = (boundary: string): readonly [string, string] => [
  'Content-Type',
  `multipart/form-data; boundary=${boundary}`,
];
const part = (headers: string, content = 'x') => `--b\r\n${headers}\r\n\r\n${content}\r\n--b--\r\n`;

/** Protocol cases shared by the unit test, the benchmark and the fuzz target. */
export const protocolCases: readonly ProtocolCase[] = [
  // Framing: the ground of request smuggling.
  {
    method: 'POST',
    headers: [FORM, ['Content-Length', '5'], ['Transfer-Encoding', 'chunked']],
    body: 'a=b',
    expect: 'protocol/cl-te-conflict',
  },
  {
    method: 'POST',
    headers: [FORM, ['Content-Length', '3'], ['Content-Length', '40']],
    body: 'a=b',
    expect: 'protocol/conflicting-content-length',
  },
  {
    method: 'POST',
    headers: [FORM, ['Content-Length', '3;']],
    body: 'abc',
    expect: 'protocol/invalid-content-length',
  },
  {
    method: 'POST',
    headers: [FORM, ['Transfer-Encoding', 'xchunked']],
    body: '0\r\n\r\n',
    expect: 'protocol/transfer-encoding',
  },
  {
    method: 'POST',
    headers: [FORM, ['Transfer-Encoding', 'chunked, identity']],
    body: '0\r\n\r\n',
    expect: 'protocol/transfer-encoding',
  },
  {
    method: 'POST',
    headers: [FORM, ['Transfer-Encoding', ' chunked']],
    body: '0\r\n\r\n',
    expect: 'protocol/transfer-encoding',
  },
  {
    headers: [
      ['Host', 'a.example.com'],
      ['Host', 'b.example.com'],
    ],
    expect: 'protocol/duplicate-host',
  },
  { headers: [['Host', 'localhost%00']], expect: 'protocol/invalid-host' },
  {
    method: 'GET',
    headers: [['Transfer-Encoding', 'chunked']],
    body: '3\r\nabc\r\n0\r\n\r\n',
    expect: 'protocol/body-on-get',
  },
  // Request line.
  { method: '\tGET', expect: 'protocol/malformed-method' },
  { method: 'G(ET', expect: 'protocol/malformed-method' },
  { method: 'FOO', expect: 'protocol/unknown-method' },
  { method: 'TRACE', expect: 'protocol/trace-method' },
  { target: '/a b', expect: 'protocol/malformed-target' },
  { target: '\\', expect: 'protocol/malformed-target' },
  { target: '/..\\..\\windows\\win.ini', expect: 'protocol/malformed-target' },
  { method: 'CONNECT', target: 'internal.example.com', expect: 'protocol/malformed-target' },
  { target: 'http://169.254.169.254/latest/meta-data/', expect: 'protocol/absolute-target' },
  { target: '/#fragment', expect: 'protocol/fragment-in-target' },
  { httpVersion: '0.9', expect: 'protocol/http-version' },
  // Header fields.
  {
    headers: [
      ['Range', `bytes=${Array.from({ length: 20 }, (_, i) => `${i * 10}-${i * 10 + 5}`).join(',')}`],
    ],
    expect: 'protocol/range',
  },
  { headers: [['Range', 'bytes=0-,5-0,5-1']], expect: 'protocol/range' },
  { headers: [['Request-Range', 'bytes=0-1023']], expect: 'protocol/request-range' },
  { headers: [['Proxy', 'http://evil.example:8080']], expect: 'protocol/httpoxy' },
  { headers: [['X-HTTP-Method-Override', 'DELETE']], expect: 'protocol/method-override' },
  { headers: [['X-Note', 'a\u0000b']], expect: 'protocol/control-char-in-header' },
  { headers: [['Sec-Fetch-User', 'foo']], expect: 'protocol/invalid-client-hint' },
  { headers: [['Cache-Control', 'max-age=1,,,max-stale=2']], expect: 'protocol/odd-cache-control' },
  { headers: [['Accept-Encoding', 'foobar']], expect: 'protocol/odd-accept-encoding' },
  { headers: [['Connection', 'keep-alive, close']], expect: 'protocol/odd-connection' },
  {
    headers: [['Cookie', '$Version=1; session="deadbeef; PHPSESSID=secret"']],
    expect: 'protocol/legacy-cookie',
  },
  { headers: [['Accept', 'text/html; charset=CP1026']], expect: 'protocol/charset-evasion' },
  {
    headers: Array.from({ length: 120 }, (_, i): [string, string] => [`X-H${i}`, 'v']),
    expect: 'protocol/header-count',
  },
  // Content-Type.
  {
    method: 'POST',
    headers: [['Content-Type', 'application/x-www-form-urlencoded; charset=utf-7']],
    body: 'a=b',
    expect: 'protocol/charset-evasion',
  },
  {
    method: 'POST',
    headers: [['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8; charset=ibm037']],
    body: 'a=b',
    expect: 'protocol/charset-evasion',
  },
  {
    method: 'POST',
    headers: [['Content-Type', 'application/x-www-form-urlencoded;boundary="application/json"']],
    body: 'a=b',
    expect: 'protocol/content-type-confusion',
  },
  {
    method: 'POST',
    headers: [['Content-Type', 'my-new-content-type']],
    body: 'x',
    expect: 'protocol/malformed-content-type',
  },
  {
    method: 'POST',
    headers: [['Content-Type', 'text/plain; charset="UTF-8"; garbage']],
    body: 'x',
    expect: 'protocol/malformed-content-type',
  },
  {
    method: 'POST',
    headers: [['Content-Type', 'multipart/form-data']],
    body: 'x',
    expect: 'protocol/multipart-boundary',
  },
  {
    method: 'POST',
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Type', 'application/xml'],
    ],
    body: '{}',
    expect: 'protocol/duplicate-content-type',
  },
  { method: 'POST', body: '{"a":1}', expect: 'protocol/missing-content-type' },
  // Multipart parts.
  {
    method: 'POST',
    headers: [MULTIPART('b')],
    body: part('Content-Disposition: form-data; name="f"; filename="a;b.php"'),
    expect: 'protocol/multipart-name',
  },
  {
    method: 'POST',
    headers: [MULTIPART('b')],
    body: part('Content-Disposition: form-data; name="&amp;fi;zzz"'),
    expect: 'protocol/multipart-name',
  },
  {
    method: 'POST',
    headers: [MULTIPART('b')],
    body: part('Content- Disposition: form-data; name="f"'),
    expect: 'protocol/multipart-header',
  },
  {
    method: 'POST',
    headers: [MULTIPART('b')],
    body: part('Content-Disposition: form-data; name="a"\r\nContent-Disposition: form-data; name="b"'),
    expect: 'protocol/multipart-header',
  },
  {
    method: 'POST',
    headers: [MULTIPART('b')],
    body: part(
      'Content-Disposition: form-data; name="u"\r\nContent-Type: text/plain; charset=utf-7',
      '+ADw-script+AD4-',
    ),
    expect: 'protocol/multipart-charset',
  },
  {
    method: 'POST',
    headers: [MULTIPART('b')],
    body: part('Content-Disposition: form-data; name="_charset_"', 'utf-7'),
    expect: 'protocol/multipart-charset',
  },
  {
    method: 'POST',
    headers: [MULTIPART('b')],
    body: part('Content-Disposition: form-data; name="a"\r\nContent-Transfer-Encoding: base64'),
    expect: 'protocol/multipart-transfer-encoding',
  },
  // Encodings and parameters.
  { target: '/file.php?name=report.pdf%00.php', expect: 'protocol/null-byte' },
  { target: '/?a=b%03', expect: 'protocol/control-char' },
  { target: '/?param=%c0%af', expect: 'protocol/overlong-utf8' },
  { target: '/?a=%uff0e%uff0e%u2215', expect: 'protocol/iis-unicode' },
  { target: '/?param=%1G', expect: 'protocol/invalid-percent' },
  { method: 'POST', headers: [FORM], body: 'a=%00', expect: 'protocol/null-byte' },
  { target: '/?arg=GET%20http%3A%2F%2Fwww.foo.bar%20HTTP%2F1.1', expect: 'protocol/request-line-in-value' },
  { target: '/?unix:AAAAAAAAA|http://internal/', expect: 'protocol/unix-socket-proxy' },
  { method: 'POST', target: '/api/resource?_method=DELETE', expect: 'protocol/method-override' },
  {
    target: '/login?PHPSESSID=abc123',
    headers: [['Referer', 'https://evil.example/']],
    expect: 'protocol/session-id-in-url',
  },
  { target: '/?foo[1]a=bar', expect: 'protocol/malformed-parameter-name' },
  // Ordinary traffic.
  { expect: null },
  { method: 'OPTIONS', target: '*', expect: null },
  { method: 'CONNECT', target: 'example.com:443', expect: null },
  { method: 'PROPFIND', target: '/dav/', expect: null },
  {
    method: 'POST',
    headers: [FORM],
    body: 'modo=entrar&login=sayers&pwd=Median2l&remember=on&B1=Entrar',
    expect: null,
  },
  { target: '/tienda1/publico/anadir.jsp?id=3&nombre=Queso+Manchego&B1=A%F1adir+al+carrito', expect: null },
  { target: '/search?q=50%25+off&lang=es', expect: null },
  { method: 'POST', headers: [FORM], body: 'comment=One+quarter+(24%)+of+people', expect: null },
  { target: '/files/C%3A%5CUsers%5Cme', expect: null },
  { target: '/?file=C:\\Users\\me\\notes.txt', expect: null },
  { headers: [['Range', 'bytes=0-1023']], expect: null },
  { headers: [['Range', 'bytes=0-100, 200-300']], expect: null },
  { headers: [['Accept-Encoding', 'gzip, deflate, br, zstd']], expect: null },
  { headers: [['Cache-Control', 'max-age=0']], expect: null },
  { headers: [['Connection', 'keep-alive']], expect: null },
  {
    headers: [
      ['Sec-Fetch-User', '?1'],
      ['Sec-CH-UA-Mobile', '?0'],
    ],
    expect: null,
  },
  { headers: [['Accept', 'text/html;q=0.9;charset=utf-8, */*;q=0.1']], expect: null },
  {
    method: 'POST',
    headers: [['Content-Type', 'application/json; charset=utf-8']],
    body: '{"a":1}',
    expect: null,
  },
  {
    method: 'POST',
    headers: [['Content-Type', 'application/x-www-form-urlencoded; charset=ISO-8859-15']],
    body: 'a=b',
    expect: null,
  },
  {
    method: 'POST',
    headers: [['Content-Type', 'application/soap+xml; charset=utf-8; action="urn:x#y"']],
    body: '<a/>',
    expect: null,
  },
  {
    method: 'POST',
    headers: [['Content-Type', 'multipart/mixed; boundary=-----boundary_data:55780(123,45:667)+part']],
    body: '',
    expect: null,
  },
  {
    method: 'POST',
    headers: [MULTIPART('b')],
    body: part('Content-Disposition: form-data; name="zzz&auml;&euml;"; filename="r&eacute;sum&eacute;.pdf"'),
    expect: null,
  },
  {
    method: 'POST',
    headers: [MULTIPART('b')],
    body: part('Content-Disposition: form-data; name="f"; filename="photo.jpg"\r\nContent-Type: image/jpeg'),
    expect: null,
  },
  {
    method: 'POST',
    headers: [MULTIPART('b')],
    body: '--b\r\ntest\r\n--b\r\nyet another test\r\n--b--\r\n',
    expect: null,
  },
  {
    method: 'POST',
    target: '/users/sign_out',
    headers: [FORM],
    body: '_method=post&authenticity_token=x',
    expect: null,
  },
  { target: '/api/resource?_method=X-DELETE', expect: null },
  {
    target: '/login?sessionid=abc123',
    headers: [['Referer', 'https://shop.example.com/cart']],
    expect: null,
  },
  { target: '/?foo[1][2]=bar&tags[]=a', expect: null },
  { headers: [['X-Forwarded-For', '203.0.113.9, 10.0.0.1']], expect: null },
];
