import type { UrlSpan } from './find-urls.js';

/** A host a URL may be sent to, as one parser or another would read it. */
export interface HostCandidate {
  /** Lower-cased, NFKC-folded host; IPv6 keeps its brackets. */
  readonly host: string;
  /** Read in an unusual way (after `@` past the authority, backslashes dropped, Unicode folded). */
  readonly tricky: boolean;
  /** How it was read: the standard way, after a stray `@`, with backslashes dropped, or Unicode-folded. */
  readonly source: 'standard' | 'at' | 'backslash' | 'unicode';
}

const MAX_REGION = 256;
const IDEOGRAPHIC_DOTS = /[\u3002\uff0e\uff61]/g;

function isAuthorityEnd(c: string): boolean {
  return (
    c === '/' ||
    c === '\\' ||
    c === '?' ||
    c === '#' ||
    c <= ' ' ||
    c === '"' ||
    c === "'" ||
    c === '<' ||
    c === '>'
  );
}

function hostOf(authority: string): string {
  const at = authority.lastIndexOf('@');
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    return close < 0 ? hostPort : hostPort.slice(0, close + 1);
  }
  const colon = hostPort.indexOf(':');
  // Two colons and no brackets: a bare IPv6 literal, which lenient parsers accept.
  if (colon >= 0 && hostPort.indexOf(':', colon + 1) > 0) return `[${hostPort}]`;
  return colon < 0 ? hostPort : hostPort.slice(0, colon);
}

function fold(host: string): { host: string; folded: boolean } {
  let h = host.toLowerCase();
  let folded = false;
  for (let i = 0; i < h.length; i++) {
    if (h.charCodeAt(i) > 0x7f) {
      h = h.normalize('NFKC').toLowerCase().replace(IDEOGRAPHIC_DOTS, '.');
      folded = true;
      break;
    }
  }
  return { host: h.endsWith('.') ? h.slice(0, -1) : h, folded };
}

/**
 * The hosts a URL may reach: the standard reading (authority up to `/ \ ? #`, after the last `@`), plus the
 * readings that lenient or older parsers make: a host after an `@` further on (`a.com# @127.0.0.1/`),
 * backslashes dropped (`\l\o\c\a\l\h\o\s\t`), and Unicode folded (`①②⑦.⓪.⓪.①`).
 * @example readHosts('http://a@127.1/', findUrls('http://a@127.1/')[0]!) // [{ host: '127.1', tricky: false, source: 'standard' }]
 */
export function readHosts(text: string, url: UrlSpan): HostCandidate[] {
  let end = url.authority;
  while (end < text.length && end - url.authority < MAX_REGION && !isAuthorityEnd(text[end]!)) end++;
  const primary = fold(hostOf(text.slice(url.authority, end)));
  const out: HostCandidate[] = [
    { host: primary.host, tricky: primary.folded, source: primary.folded ? 'unicode' : 'standard' },
  ];
  let regionEnd = end;
  while (regionEnd < text.length && regionEnd - url.authority < MAX_REGION && text[regionEnd] !== '/')
    regionEnd++;
  if (regionEnd === end) return out;
  const region = text.slice(url.authority, regionEnd);
  if (region.includes('\\')) {
    const unescaped = fold(hostOf(region.replaceAll('\\', '').split(/[?#\s]/, 1)[0]!));
    if (unescaped.host !== primary.host)
      out.push({ host: unescaped.host, tricky: true, source: 'backslash' });
  }
  let at = region.indexOf('@', end - url.authority);
  while (at >= 0 && out.length < 6) {
    let stop = at + 1;
    while (stop < region.length && !':/?#\\@ \t'.includes(region[stop]!)) stop++;
    const candidate = fold(region.slice(at + 1, stop)).host;
    if (candidate !== '') out.push({ host: candidate, tricky: true, source: 'at' });
    at = region.indexOf('@', at + 1);
  }
  return out;
}
