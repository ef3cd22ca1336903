import type { ValueKind } from '../../inspectable.js';

/** One detection case: a value, its parameter, and the rule expected (null: must not be flagged). */
export interface RfiCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Where the value came from; the parameter name matters for inclusion (`query.page`). */
  readonly location?: string;
  readonly expect: string | null;
  /** For an attack, the confidence the rule must reach (paranoid strength when absent): 0.9 blocks alone. */
  readonly min?: number;
  /** For a benign value, the confidence it must stay below (the paranoid threshold when absent). */
  readonly max?: number;
}

const BLOCKS = 0.9;

/**
 * Remote-file-inclusion cases shared by the unit test, the benchmark and the fuzz target. Attacks name the
 * rule that must fire (at paranoid strength or more); benign URLs must stay below the paranoid threshold.
 */
export const RFI_CASES: readonly RfiCase[] = [
  { input: 'http://evil.example/shell.txt?', location: 'query.page', expect: 'rfi/truncated-url' },
  { input: 'https://evil.example/c99.php?', location: 'query.x', expect: 'rfi/truncated-url' },
  { input: 'http://evil.example/shell.txt%00', location: 'query.file', expect: 'rfi/truncated-url' },
  { input: 'http://203.0.113.7/x.php', location: 'query.src', expect: 'rfi/ip-url' },
  { input: 'https://[2001:db8::29c8]/gecko.php', location: 'query.src', expect: 'rfi/ip-url' },
  { input: 'ftp://198.51.100.1/a.txt', location: 'body.form.inc', expect: 'rfi/ip-url' },
  { input: 'http://198.51.100.20/', location: 'query.target', expect: 'rfi/ip-url' },
  { input: 'http://evil.example/', location: 'query.mosConfig_absolute_path', expect: 'rfi/remote-include' },
  { input: 'https://evil.example/inc', location: 'query._CONF[path]', expect: 'rfi/remote-include' },
  { input: 'http://evil.example/tpl.txt', location: 'query.template', expect: 'rfi/remote-include' },
  { input: 'http://example.com%2f@evil.example/', location: 'query.next', expect: 'rfi/userinfo-deception' },
  {
    input: 'https://trusted.example.com@evil.example/login',
    location: 'query.url',
    expect: 'rfi/userinfo-deception',
  },
  { input: '/proxy/http://evil.example/a.php', kind: 'path', location: 'path', expect: 'rfi/url-in-path' },
  {
    input: 'ftp://evil.example/lib',
    location: 'body.form.include_dir',
    expect: 'rfi/remote-include',
    min: BLOCKS,
  },
  {
    input: 'https://evil.example',
    location: 'query.GALLERY_BASEDIR',
    expect: 'rfi/remote-include',
    min: BLOCKS,
  },
  {
    input: 'http://a.example%2F:x@evil.example/',
    location: 'query.u',
    expect: 'rfi/userinfo-deception',
    min: BLOCKS,
  },

  // Benign: redirect targets, images, links, callbacks, prose mentioning URLs.
  { input: 'https://example.com/page', location: 'query.url', expect: null },
  { input: 'https://shop.example.com/cart?item=3', location: 'query.redirect', expect: null },
  { input: 'https://cdn.example.com/img/a.png', location: 'query.img', expect: null },
  { input: 'https://cdn.example.com/img/a.png', location: 'query.image_path', expect: null },
  { input: 'https://shop.example.com/orders', location: 'query.return_path', expect: null, max: BLOCKS },
  { input: 'https://api.example.com/v2', location: 'query.avatar_dir', expect: null, max: BLOCKS },
  { input: '2', location: 'query.page', expect: null },
  { input: 'report.pdf', location: 'query.file', expect: null },
  { input: '/account', location: 'query.next', expect: null },
  { input: 'https://my-blog.example.org/', location: 'body.form.website', expect: null },
  { input: 'Have you seen https://example.com?', location: 'body.form.comment', expect: null },
  { input: 'https://app.example.com/cb?x=1', location: 'query.callback', expect: null },
  { input: 'https://user:pass@example.com/', location: 'query.url', expect: null },
  { input: 'mailto:someone@example.com', location: 'query.contact', expect: null },
  { input: 'https://example.com/search?q=a.php', location: 'query.ref', expect: null },
  { input: '/blog/2024/05/hello-world', kind: 'path', location: 'path', expect: null },
  {
    input: 'https://www.google.com/url?q=https://example.com/&sa=U',
    kind: 'header-value',
    location: 'header.referer',
    expect: null,
  },
];
