// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is attack text, not a forgotten template literal.
import type { ValueKind } from '../../inspectable.js';

/** A detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface PhpCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

const CALL = 'php/function-call';
const TAG = 'php/open-tag';
const VARIABLE = 'php/variable-function';

/** PHP injection cases shared by the unit test, the benchmark and the fuzz target. */
export const phpCases: readonly PhpCase[] = [
  // Open tags.
  { input: '<?php system($_GET["c"]); ?>', expect: TAG },
  { input: '<?PHP echo "test";', expect: TAG },
  { input: '<?= `id` ?>', expect: TAG },
  { input: '<? echo 1; ?>', expect: TAG },
  { input: '<?echo "x";?>', expect: TAG },
  { input: '<?xml :echo 1;', expect: TAG },
  { input: '[php]echo 1;[/php]', expect: TAG },
  { input: '{php}echo "x";{/php}', expect: TAG },
  { input: '<?php', kind: 'cookie-value', location: 'cookie.session', expect: TAG },
  // Calls by what they reach and how they are written.
  { input: "system('id')", expect: CALL },
  { input: 'eval($_POST["x"])', expect: CALL },
  { input: "eval(base64_decode('cGhwaW5mbygpOw=='))", expect: CALL },
  { input: 'shell_exec("cat /etc/passwd")', expect: CALL },
  { input: "preg_replace('/.*/e', $_GET['c'], '')", expect: CALL },
  { input: "array_map('system', ['id'])", expect: CALL },
  { input: 'exec/**/("id")', expect: CALL },
  { input: 'exec #note\n("id")', expect: CALL },
  { input: '@passthru("ls")', expect: CALL },
  { input: '\\system("id")', expect: CALL },
  { input: 'file_get_contents("/etc/passwd")', expect: CALL },
  { input: 'phpinfo()', expect: CALL },
  { input: 'base64_decode(', expect: CALL },
  { input: 'ldap_get_entries()', expect: CALL },
  { input: 'strrev( )', expect: CALL },
  { input: 'intval($x)', expect: CALL },
  // Computed callees.
  { input: "(system)('uname')", expect: CALL },
  { input: '"system"(ls);', expect: CALL },
  { input: '"\\x73y\\x73tem"(ls);', expect: CALL },
  { input: "(sy.(st).em)('uname');", expect: CALL },
  { input: '( string ) "sys"."t"."em" (\'uname\');', expect: CALL },
  { input: '[system][0](ls);', expect: CALL },
  { input: "define('x', 'sys' . 'tem');(x)/* c */('uname');", expect: CALL },
  { input: "$y = 'sys'.'tem';($y)('uname');", expect: CALL },
  { input: '(  [  system  ][  0  ])  {/* c */0}  (  ls  );', expect: CALL },
  // Variable functions.
  { input: '$a(1)', expect: VARIABLE },
  { input: '$$b(2)', expect: VARIABLE },
  { input: "$__['o'](5)", expect: VARIABLE },
  { input: '${@a}(10)', expect: VARIABLE },
  { input: '$_GET["f"]($_GET["a"])', expect: VARIABLE },
  { input: '$foo->$funcname()', expect: VARIABLE },
  { input: "$f='system';$f('id');", expect: VARIABLE },
  // Superglobals, variable variables, wrappers, data URIs, ini directives.
  { input: "$_SERVER['DOCUMENT_ROOT']", expect: 'php/superglobal' },
  { input: '$_COOKIE', kind: 'query-name', location: 'query.$_COOKIE#name', expect: 'php/superglobal' },
  { input: "${'a'.'b'}", expect: 'php/variable-variable' },
  { input: '$ {CONSTANT}', expect: 'php/variable-variable' },
  { input: 'php://filter/convert.base64-encode/resource=index.php', expect: 'php/stream-wrapper' },
  { input: 'php://input', expect: 'php/stream-wrapper' },
  { input: 'phar://uploads/avatar.jpg/shell', expect: 'php/stream-wrapper' },
  { input: 'expect://id', expect: 'php/stream-wrapper' },
  { input: 'compress.zlib://http://evil/x.gz', expect: 'php/stream-wrapper' },
  { input: 'data://text/plain;base64,PD9waHAgc3lzdGVtKCdpZCcpOyA/Pg==', expect: 'php/data-uri' },
  { input: 'auto_prepend_file=/tmp/shell.jpg', expect: 'php/ini-directive' },
  {
    input: 'allow_url_include = On',
    kind: 'file-content',
    location: 'body.multipart.ini',
    expect: 'php/ini-directive',
  },
  { input: 'opcache.jit_max_polymorphic_calls=50', expect: 'php/ini-directive' },
  // File names PHP would run or load.
  {
    input: 'shell.php',
    kind: 'file-name',
    location: 'body.multipart.f#filename',
    expect: 'php/script-upload',
  },
  {
    input: 'shell.php. . .',
    kind: 'file-name',
    location: 'body.multipart.f#filename',
    expect: 'php/script-upload',
  },
  {
    input: 'photo. phtml',
    kind: 'header-value',
    location: 'header.x-file-name',
    expect: 'php/script-upload',
  },
  {
    input: 'avatar.php5.jpg',
    kind: 'file-name',
    location: 'body.multipart.f#filename',
    expect: 'php/script-upload',
  },
  {
    input: '.htaccess',
    kind: 'file-name',
    location: 'body.multipart.f#filename',
    expect: 'php/script-upload',
  },
  {
    input: '/tmp/sess_d8ew88tqmabdcokhumchy8htqm',
    kind: 'header-value',
    location: 'header.x_filename',
    expect: 'php/session-file',
  },
  // Look-alikes that must pass.
  { input: 'the system is down()', expect: null },
  { input: 'the ecosystem (and more)', expect: null },
  { input: 'Sort (ascending)', expect: null },
  { input: 'TAN (WATER RESISTANT INSULATED)', expect: null },
  { input: 'Upload your file(s) here', expect: null },
  { input: 'A loaded ghost gun (unserialized) was recovered', expect: null },
  { input: 'phpinfo can leak configuration details', expect: null },
  { input: 'richard.php@my-email.com', expect: null },
  { input: '[link](https://example.com)', expect: null },
  { input: 'see [docs](/help) and {braces}', expect: null },
  { input: '<?xml version="1.0" encoding="UTF-8"?><order><id>1</id></order>', expect: null },
  { input: '<?xml-stylesheet type="text/xsl" href="style.xsl"?>', expect: null },
  { input: '<?xpacket begin="?" id="W5M0MpCehiHzreSzNTczkc9d"?>', expect: null },
  { input: '&lt;? should not trigger', expect: null },
  { input: 'Is this a test? What do you think?', expect: null },
  { input: 'result = (x < 5) ? yes : no', expect: null },
  { input: 'http://example.com/page?id=123', expect: null },
  {
    input:
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    expect: null,
  },
  { input: 'costs $5 (approx)', expect: null },
  { input: '$(".menu").toggle()', expect: null },
  { input: '${name}', kind: 'body-text', location: 'body', expect: 'php/variable-variable' },
  { input: '${}', expect: null },
  { input: '$a#foo()', expect: null },
  { input: '$a[]()', expect: null },
  { input: 'xcheckdate()', expect: null },
  { input: 'ceiling height(9ft)', expect: null },
  { input: 'report.pdf', kind: 'file-name', location: 'body.multipart.f#filename', expect: null },
  { input: 'safe.phpinfo', kind: 'file-name', location: 'body.multipart.f#filename', expect: null },
  { input: 'my_sess_data.txt', kind: 'header-value', location: 'header.x-filename', expect: null },
  { input: 'sess_short', kind: 'header-value', location: 'header.x-filename', expect: null },
  { input: 'debug = true', expect: null },
  { input: 'Queso Manchego', expect: null },
];
