import { classifyHost } from '../ssrf/classify-host.js';
import type { UrlSpan } from '../ssrf/find-urls.js';
import { readHosts } from '../ssrf/read-hosts.js';
import type { IncludeName } from './include-names.js';

/** One remote-file-inclusion suspicion about a URL in a value. */
export interface RemoteSuspicion {
  readonly rule: string;
  readonly confidence: number;
  readonly start: number;
  readonly end: number;
}

const REMOTE_SCHEMES = new Set(['http', 'https', 'ftp', 'ftps']);
// What a remote include fetches: server-side script, or text that the include runs as PHP.
const SCRIPT_PATH = /\.(?:php\d?|phtml|inc|txt|asp|aspx|jsp|pl|py|cgi|sh|ps1)$/i;
// Static assets: a path-named parameter may legitimately point at a CDN copy of one.
const ASSET_PATH =
  /\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|css|js|mjs|woff2?|ttf|pdf|mp[34]|webm|ogg|wav)$/i;
const MAX_URL = 512;

// A userinfo that reads like a host (`trusted.com`) or holds a path (`trusted.com/`, `%2f`).
function hostLikeUserinfo(userinfo: string): boolean {
  if (pathInUserinfo(userinfo)) return true;
  const user = userinfo.split(':', 1)[0]!;
  const dot = user.lastIndexOf('.');
  return dot > 0 && /^[a-z]{2,24}$/i.test(user.slice(dot + 1));
}

// `http://trusted.com%2f@evil.com/`: a slash in the userinfo, encoded so that the real host still follows.
function pathInUserinfo(userinfo: string): boolean {
  return userinfo.includes('/') || userinfo.toLowerCase().includes('%2f');
}

function urlEnd(text: string, from: number): number {
  let end = from;
  while (
    end < text.length &&
    end - from < MAX_URL &&
    text.charCodeAt(end) > 32 &&
    !'"\'<>'.includes(text[end]!)
  )
    end++;
  return end;
}

// The URL's path without its query, as an include would name the file.
function pathOf(url: string, authority: number): string {
  const slash = url.indexOf('/', authority);
  if (slash < 0) return '';
  const query = url.indexOf('?', slash);
  return url.slice(slash, query < 0 ? url.length : query);
}

/**
 * Judges a URL as a remote include: a URL that is the whole value of a path-like parameter, aimed at an IP
 * literal, or cut short with a trailing `?` or a NUL so that the extension the application appends is
 * ignored; and a userinfo that dresses up as a host (`http://trusted.com%2f@evil.com/`).
 */
export function assessRemoteUrl(
  text: string,
  url: UrlSpan,
  name: IncludeName,
  nulByte: boolean,
): RemoteSuspicion | undefined {
  if (!REMOTE_SCHEMES.has(url.scheme) || url.slashes < 2 || url.wrapper !== '') return undefined;
  const end = urlEnd(text, url.authority);
  const whole = url.start === 0 || text.slice(0, url.start).trim() === '';
  const value = text.slice(url.start, end);
  const authorityEnd = url.authority - url.start;
  const path = pathOf(value, authorityEnd);
  const script = SCRIPT_PATH.test(path);
  const truncated = value.endsWith('?') || (nulByte && whole);
  const host = classifyHost(readHosts(text, url)[0]!.host);
  const ipLiteral = host?.literal === true && host.cls === 'public';
  let rule = 'rfi/remote-include';
  let c = 0;
  // `_CONF[path]=https://…`: a parameter that names a directory or an include takes a URL only to include it.
  if (whole && name !== 'none' && !ASSET_PATH.test(path)) c = name === 'path' ? 0.9 : 0.5;
  if (whole && script) c = Math.min(1, c + 0.2);
  if (ipLiteral) {
    // A script fetched from a bare IP address is what RFI droppers look like; legitimate links use names.
    const base = url.scheme.startsWith('ftp') ? 0.7 : 0.6;
    const ip = whole ? (script ? 1 : base) : script ? 0.6 : 0.3;
    if (ip >= c) [c, rule] = [ip, 'rfi/ip-url'];
  }
  if (truncated && whole) {
    const cut = script || name !== 'none' || ipLiteral ? 1 : 0.8;
    if (cut > c) [c, rule] = [cut, 'rfi/truncated-url'];
  }
  const authority = value.slice(
    authorityEnd,
    value.indexOf('/', authorityEnd) < 0 ? value.length : value.indexOf('/', authorityEnd),
  );
  const at = authority.lastIndexOf('@');
  // A userinfo that reads like a host or a path is there to fool a human or a prefix check.
  if (at > 0 && hostLikeUserinfo(authority.slice(0, at))) {
    // A user name that looks like a host fools the eye; one with a path in it fools a parser too.
    const deception = pathInUserinfo(authority.slice(0, at)) ? 0.95 : 0.8;
    if (deception > c) [c, rule] = [deception, 'rfi/userinfo-deception'];
  }
  if (c <= 0) return undefined;
  return { rule, confidence: Math.min(1, Math.round(c * 100) / 100), start: url.start, end };
}
