import type { Inspectable, Variant } from '../inspectable.js';

/** One transform case: `output` equal to `input` means the transform must report `changed: false`. */
export interface TransformCase {
  readonly input: string;
  readonly output: string;
}

const same = (input: string): TransformCase => ({ input, output: input });
const long = 'a'.repeat(20_000);

/** Input → output per transform name: shared by the unit tests, benchmarks and fuzzing. */
export const TRANSFORM_CASES: Readonly<Record<string, readonly TransformCase[]>> = {
  'url-decode': [
    same('plain value'),
    same('a+b'),
    same('100%'),
    same('%zz%4'),
    same('%u00'),
    same('%u12G4'),
    same('%'),
    { input: '%3Cscript%3E', output: '<script>' },
    { input: '%3c%2F%3E', output: '</>' },
    { input: 'caf%C3%A9', output: 'café' },
    { input: 'caf%E9', output: 'café' },
    { input: '%E2%82%AC%20%F0%9F%98%80', output: '€ 😀' },
    { input: '%E2%82', output: '\u00e2\u0082' },
    { input: '%c0%ae%c0%ae%c0%af', output: '../' },
    { input: '%ED%A0%80', output: '\u00ed\u00a0\u0080' },
    { input: '%u003Cscript%U003E', output: '<script>' },
    { input: '%uD83D%uDE00', output: '😀' },
    { input: '%uD800x', output: '\ud800x' },
    { input: '%253Cscript%253E', output: '<script>' },
    { input: '%252527', output: "'" },
    { input: '%25252527', output: '%27' },
    { input: '%2525252525252525', output: '%2525252525' },
    { input: '%%32%37', output: "'" },
    { input: '1%2B1', output: '1+1' },
    { input: '%00', output: '\0' },
    { input: `${long}%41`, output: `${long}A` },
  ],
  'plus-space': [same('a b'), same('%2B'), { input: 'a+b++c', output: 'a b  c' }],
  'html-entities': [
    same('Tom & Jerry'),
    same('a=1&b=2'),
    same('&foo;'),
    same('&#;'),
    same('&#x;'),
    same('&'),
    same('&#xzz'),
    { input: '&lt;script&gt;', output: '<script>' },
    { input: '&LT;b&GT;', output: '<b>' },
    same('&Lt;'),
    { input: '&ltscript&gt', output: '<script>' },
    { input: '&#60;&#x3C;&#X3c;&#060', output: '<<<<' },
    { input: '&#0000000000000000060;', output: '<' },
    { input: 'javascript&colon;alert&lpar;1&rpar;', output: 'javascript:alert(1)' },
    { input: '&Tab;&NewLine;', output: '\t\n' },
    { input: '&#0;&#xD800;&#x110000;&#99999999999999999999;', output: '\ufffd\ufffd\ufffd\ufffd' },
    { input: '&#x1F600;', output: '😀' },
    { input: '&amp;lt;', output: '&lt;' },
    { input: '&quot;&apos;&nbsp;', output: '"\'\u00a0' },
    { input: `&${'a'.repeat(100)};&lt;`, output: `&${'a'.repeat(100)};<` },
  ],
  'js-escapes': [
    same('no escapes'),
    same('C:\\Users\\me'),
    same('\\x4'),
    same('\\u12'),
    same('\\u{110000}'),
    same('\\u{}'),
    same('\\'),
    same('\\8\\9'),
    { input: '\\x3cscript\\x3E', output: '<script>' },
    { input: '\\u003cscript\\u003e', output: '<script>' },
    { input: '\\u{3c}\\u{1F600}\\u{00000041}', output: '<😀A' },
    { input: '\\uD83D\\uDE00', output: '😀' },
    { input: '\\uD800', output: '\ud800' },
    { input: '\\101\\0\\08\\477\\400', output: 'A\0\x008\x277\x200' },
    { input: '\\n\\r\\t\\b\\f\\v', output: '\n\r\t\b\f\v' },
    { input: '\\\'\\"\\/\\`\\\\', output: '\'"/`\\' },
    { input: '\\\\x41', output: '\\x41' },
    { input: '\\q\\x41', output: '\\qA' },
  ],
  'unicode-nfkc': [
    same('ascii only <script>'),
    same('café'),
    same('日本語'),
    { input: '＜ｓｃｒｉｐｔ＞', output: '<script>' },
    { input: '﹤script﹥', output: '<script>' },
    { input: '𝐬𝐞𝐥𝐞𝐜𝐭', output: 'select' },
    { input: 'ﬁle', output: 'file' },
    { input: 'cafe\u0301', output: 'café' },
    { input: 'a\u3000b', output: 'a b' },
    { input: '\ud800ｘ', output: '\ud800x' },
  ],
  'remove-nulls': [
    same('plain'),
    same('tab\tline\nvt\vff\fcr\r'),
    same('é\u0085'),
    { input: '<scr\0ipt>', output: '<script>' },
    { input: 'sel\u0001e\u001fc\u007ft', output: 'select' },
    { input: '\0\0\0', output: '' },
  ],
  'path-normalize': [
    same('/a/b/c'),
    same('a/b/'),
    same('file.txt'),
    same('../../etc/passwd'),
    same('..'),
    same('a./b'),
    { input: '/var/www/../../../etc//passwd', output: '/etc/passwd' },
    { input: '..\\..\\windows\\win.ini', output: '../../windows/win.ini' },
    { input: '..\\a\\.\\b/../c', output: '../a/c' },
    { input: '/a/./b/.', output: '/a/b/' },
    { input: '/a/b/..', output: '/a/' },
    { input: 'a/..', output: '.' },
    { input: '/..', output: '/' },
    { input: '//etc///passwd', output: '/etc/passwd' },
    { input: 'http://host/a/../../x', output: 'http://host/x' },
    { input: 'file:///etc/./passwd', output: 'file:///etc/passwd' },
    { input: 'C:\\..\\..\\windows\\win.ini', output: 'C:/windows/win.ini' },
  ],
  'sql-comments': [
    same('plain words'),
    same('a-b-c'),
    same('*/ stray'),
    { input: 'union/**/select', output: 'union select' },
    { input: 'union/*comment*/select', output: 'union select' },
    { input: 'union/*!50000select*/1', output: 'union select 1' },
    { input: 'union/*!select*/1', output: 'union select 1' },
    { input: 'union/*M!100100select*/1', output: 'union select 1' },
    { input: "admin'--", output: "admin'" },
    { input: "admin'-- x\nor 1=1", output: "admin'\nor 1=1" },
    { input: "1' #c\r\nunion", output: "1' \r\nunion" },
    { input: '1 /* never closed', output: '1  ' },
    { input: '/*/ still a comment', output: ' ' },
  ],
  'whitespace-fold': [
    same('one space only'),
    same(' lead and trail '),
    { input: 'a  b', output: 'a b' },
    { input: 'union\t\n\v\fselect', output: 'union select' },
    { input: 'a\u00a0\u2003\u3000\ufeffb', output: 'a b' },
    { input: '\r\nx\r\n', output: ' x ' },
  ],
  lowercase: [same('already lower'), same('123-456'), { input: 'UnIoN SeLeCt', output: 'union select' }],
  'base64-decode': [
    same('short'),
    // Under 16 chars only what decodes to injection syntax counts: `<script>` does, `Hello` does not.
    { input: 'PHNjcmlwdD4=', output: '<script>' },
    { input: 'O2lk', output: ';id' },
    { input: 'DQpRVUlUDQo', output: '\r\nQUIT\r\n' },
    same('SGVsbG8='),
    same('Hello'),
    same('internationalization'),
    same('d41d8cd98f00b204e9800998ecf8427e'),
    same('550e8400-e29b-41d4-a716-446655440000'),
    same('rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA=='),
    same('PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg='),
    same('PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Ph=='),
    same('PHNjcmlwdD5h+GVydCgx_Twvc2NyaXB0Pg'),
    same('This is plain text'),
    { input: 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', output: '<script>alert(1)</script>' },
    { input: 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg', output: '<script>alert(1)</script>' },
    { input: 'eyJhbGciOiJIUzI1NiJ9', output: '{"alg":"HS256"}' },
    { input: 'Jz8_IG9yIDE9MS0tPz8_', output: "'?? or 1=1--???" },
    { input: 'w6nDqcOpw6nDqcOpw6nDqQ==', output: 'éééééééé' },
  ],
};

/** One normalizeValue case: the item and the exact variants expected, in order. */
export interface NormalizeCase {
  readonly item: Inspectable;
  readonly variants: readonly Variant[];
}

const query = (value: string): Inspectable => ({ location: 'query.q', kind: 'query-value', value });
const raw = (value: string): Variant => ({ value, transforms: [] });

/** Values through `normalizeValue`, with every distinct variant expected. */
export const NORMALIZE_CASES: readonly NormalizeCase[] = [
  { item: query('hello'), variants: [raw('hello')] },
  { item: query('jane.doe@example.com'), variants: [raw('jane.doe@example.com')] },
  { item: query('2024-01-31T10:00:00Z'), variants: [raw('2024-01-31T10:00:00Z')] },
  { item: query('internationalization'), variants: [raw('internationalization')] },
  { item: query('Tom & Jerry'), variants: [raw('Tom & Jerry')] },
  { item: query('100%'), variants: [raw('100%')] },
  {
    item: query('%3Cb%3E+x'),
    variants: [raw('%3Cb%3E+x'), { value: '<b> x', transforms: ['plus-space', 'url-decode'] }],
  },
  {
    item: { location: 'path', kind: 'path', value: '/a+b/%2e%2e/c' },
    variants: [raw('/a+b/%2e%2e/c'), { value: '/a b/../c', transforms: ['plus-space', 'url-decode'] }],
  },
  {
    item: { location: 'path', kind: 'path', value: '/a+b/c.d' },
    variants: [raw('/a+b/c.d')],
  },
  // Form encoding in a field of another kind: `+` is a space when escapes show an encoder wrote the value.
  {
    item: { location: 'body.multipart.x', kind: 'body-value', value: '%3Cimg+src%3Dx%3E' },
    variants: [raw('%3Cimg+src%3Dx%3E'), { value: '<img src=x>', transforms: ['plus-space', 'url-decode'] }],
  },
  {
    item: { location: 'body.json.q', kind: 'body-value', value: 'a+b %3C' },
    variants: [raw('a+b %3C'), { value: 'a+b <', transforms: ['url-decode'] }],
  },
  {
    item: { location: 'body.form.q', kind: 'body-value', value: 'a+b' },
    variants: [raw('a+b'), { value: 'a b', transforms: ['plus-space'] }],
  },
  {
    item: query('sel%00ect%09%0b1'),
    variants: [
      raw('sel%00ect%09%0b1'),
      { value: 'sel\0ect\t\v1', transforms: ['url-decode'] },
      { value: 'select 1', transforms: ['url-decode', 'remove-nulls', 'whitespace-fold'] },
    ],
  },
  {
    item: query('%26lt%3Bscript%26gt%3B'),
    variants: [
      raw('%26lt%3Bscript%26gt%3B'),
      { value: '&lt;script&gt;', transforms: ['url-decode'] },
      { value: '<script>', transforms: ['url-decode', 'html-entities'] },
    ],
  },
  {
    item: query('\\x3cscript\\x00\\x3e'),
    variants: [
      raw('\\x3cscript\\x00\\x3e'),
      { value: '<script>', transforms: ['js-escapes', 'remove-nulls'] },
    ],
  },
  {
    item: query('\\u0025\\u0032\\u0065\\u0025\\u0032\\u0065\\u002f'),
    variants: [
      raw('\\u0025\\u0032\\u0065\\u0025\\u0032\\u0065\\u002f'),
      { value: '../', transforms: ['js-escapes', 'url-decode'] },
    ],
  },
  {
    item: query('%EF%BC%9Cscript%EF%BC%9E'),
    variants: [
      raw('%EF%BC%9Cscript%EF%BC%9E'),
      { value: '＜script＞', transforms: ['url-decode'] },
      { value: '<script>', transforms: ['url-decode', 'unicode-nfkc'] },
    ],
  },
  {
    item: query('PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg%3D%3D'),
    variants: [
      raw('PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg%3D%3D'),
      { value: 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', transforms: ['url-decode'] },
      { value: '<script>alert(1)</script>', transforms: ['url-decode', 'base64-decode'] },
    ],
  },
  {
    item: query('PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
    variants: [
      raw('PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
      { value: '<script>alert(1)</script>', transforms: ['base64-decode'] },
    ],
  },
  {
    item: query('Jz8+IG9yIDE9MS0tPz8+'),
    variants: [
      raw('Jz8+IG9yIDE9MS0tPz8+'),
      { value: 'Jz8 IG9yIDE9MS0tPz8 ', transforms: ['plus-space'] },
      { value: "'?> or 1=1--??>", transforms: ['base64-decode'] },
    ],
  },
  {
    item: query('ZXRjL3NoYWRvdyUwMA=='),
    variants: [
      raw('ZXRjL3NoYWRvdyUwMA=='),
      { value: 'etc/shadow%00', transforms: ['base64-decode'] },
      { value: 'etc/shadow\0', transforms: ['base64-decode', 'url-decode'] },
    ],
  },
  {
    item: query('eFx1MDAyNyBvciAxPTEtLQ=='),
    variants: [
      raw('eFx1MDAyNyBvciAxPTEtLQ=='),
      { value: 'x\\u0027 or 1=1--', transforms: ['base64-decode'] },
      { value: "x' or 1=1--", transforms: ['base64-decode', 'js-escapes'] },
    ],
  },
  { item: query('C:\\Users\\me'), variants: [raw('C:\\Users\\me')] },
];

/** Long inputs made of repeated trigger sequences: every transform must stay linear on them. */
export const ADVERSARIAL_INPUTS: readonly string[] = [
  `${'a'.repeat(50_000)}!`,
  '%'.repeat(50_000),
  '%2'.repeat(25_000),
  '%25'.repeat(17_000),
  '%u'.repeat(25_000),
  '%C0'.repeat(17_000),
  '&'.repeat(50_000),
  '&#'.repeat(25_000),
  '&#x'.repeat(17_000),
  `&${'a'.repeat(50_000)}`,
  `&#${'9'.repeat(50_000)}`,
  '\\'.repeat(50_000),
  '\\u{'.repeat(17_000),
  `\\u{${'0'.repeat(50_000)}`,
  '/*'.repeat(25_000),
  '/*!'.repeat(17_000),
  '*/'.repeat(25_000),
  '-'.repeat(50_000),
  '#'.repeat(50_000),
  '../'.repeat(17_000),
  '..\\'.repeat(17_000),
  '/'.repeat(50_000),
  ' \t'.repeat(25_000),
  '\0'.repeat(50_000),
  'A'.repeat(50_000),
  'QUFB'.repeat(12_500),
  '＜'.repeat(50_000),
  `a://${'b'.repeat(50_000)}/..`,
  `${'a'.repeat(50_000)}:/../`,
  '\ufdfa'.repeat(10_000),
];
