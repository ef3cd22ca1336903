import type { AddressClass } from './classify-address.js';
import { classifyHost } from './classify-host.js';
import type { UrlSpan } from './find-urls.js';
import { readHosts } from './read-hosts.js';
import { DANGEROUS_SCHEMES, NETWORK_SCHEMES } from './url-schemes.js';

/** One SSRF suspicion about a URL in a value. */
export interface UrlSuspicion {
  readonly rule: string;
  readonly confidence: number;
  readonly start: number;
  /**
   * An evasion or a raw protocol: an obfuscated or confusing host spelling, a dangerous scheme. No browser is
   * sent there by a redirect, so a navigation parameter does not soften it.
   */
  readonly evasive: boolean;
}

// A literal internal address in a URL parameter has no business on a public site, nor has `localhost`;
// other private-use names may be an intranet's own.
const LITERAL: Readonly<Record<AddressClass, number>> = {
  metadata: 1,
  loopback: 1,
  unspecified: 1,
  'link-local': 1,
  private: 0.8,
  shared: 0.6,
  // Outside every range a server may legitimately reach (`240.0.0.1`, `[a::]`): only probes write these.
  reserved: 0.9,
  public: 0,
};
const NAMED: Readonly<Record<AddressClass, number>> = { ...LITERAL, private: 0.7 };

// Paths of cloud metadata services: behind a name that resolves to the metadata address they still work.
const METADATA_PATH =
  /^\/(?:latest\/(?:meta-data|user-data|dynamic|api\/token)|computemetadata\/|metadata\/(?:v1|instance|identity)|openstack\/)/i;

function ruleFor(cls: AddressClass, literal: boolean): string {
  if (cls === 'metadata') return 'ssrf/metadata';
  if (cls === 'loopback') return 'ssrf/loopback';
  return literal ? 'ssrf/internal-address' : 'ssrf/internal-name';
}

function pathAfterHost(text: string, url: UrlSpan): string {
  const slash = text.indexOf('/', url.authority);
  return slash < 0 ? '' : text.slice(slash, slash + 64);
}

// `\g\o\o\g\l\e.\c\o\m`: escaped letters in a host mean nothing to DNS, only to a filter's eyes.
function remoteFileHost(text: string, url: UrlSpan): boolean {
  const host = readHosts(text, url)[0]!.host;
  return host !== '' && host !== 'localhost' && host !== '.';
}

// A UNC-like `server\share` has a backslash now and then; an escaped name has one before most letters.
function escapesLetters(text: string, url: UrlSpan): boolean {
  let escaped = 0;
  let letters = 0;
  for (let i = url.authority; i < text.length && i - url.authority < 128 && text[i] !== '/'; i++) {
    const alnum = /[a-z0-9]/i.test(text[i]!);
    if (alnum) letters++;
    if (alnum && text[i - 1] === '\\') escaped++;
  }
  return escaped >= 3 && escaped * 2 >= letters;
}

/**
 * Judges one URL: dangerous schemes, and every host a parser may read from it against loopback, private,
 * link-local, metadata and obfuscated IP spellings. Undefined when nothing is suspicious.
 */
export function assessUrl(text: string, url: UrlSpan): UrlSuspicion | undefined {
  const network = NETWORK_SCHEMES.has(url.scheme);
  let best: UrlSuspicion | undefined;
  const keep = (rule: string, confidence: number, evasive = false) => {
    if (best === undefined || confidence > best.confidence)
      best = { rule, confidence, start: url.start, evasive };
  };
  const danger = DANGEROUS_SCHEMES.get(url.wrapper === 'jar' ? 'jar' : url.scheme);
  if (danger !== undefined && (url.slashes > 0 || url.wrapper !== '' || url.scheme === 'netdoc')) {
    // `url:file://`, `jar:http://`: a wrapper only Java's URL class understands.
    keep('ssrf/dangerous-scheme', url.wrapper === 'url' ? Math.min(1, danger + 0.1) : danger, true);
    // `file://fileserver/share`: a file URL with a host is fetched over SMB, leaking the server's credentials.
    if (url.scheme === 'file' && url.slashes === 2 && remoteFileHost(text, url))
      keep('ssrf/dangerous-scheme', 0.9, true);
  }
  if (url.slashes < 2 && !network) return best;
  const first = text.charCodeAt(url.authority);
  // Without `//` only an address-looking host is read, so `note:1` or `http:` in prose stay quiet.
  if (url.slashes < 2 && !((first >= 48 && first <= 57) || first === 91)) return best;
  for (const candidate of readHosts(text, url)) {
    // `http:8080`: without `//` a number that fits a port is a port, not a 32-bit address.
    if (url.slashes < 2 && /^\d{1,5}$/.test(candidate.host) && Number(candidate.host) <= 65535) continue;
    const host = classifyHost(candidate.host);
    if (host === undefined) {
      if (candidate.source === 'backslash')
        keep('ssrf/obfuscated-host', escapesLetters(text, url) ? 0.9 : 0.6, true);
      continue;
    }
    if (host.cls === 'public') {
      // `http:123456789`: an integer address without `//` takes two lenient readings to reach anything.
      if (host.obfuscated) keep('ssrf/obfuscated-ip', candidate.tricky || url.slashes < 2 ? 0.9 : 0.7, true);
      continue;
    }
    let confidence = (host.literal ? LITERAL : NAMED)[host.cls];
    // Only lenient parsers read `http:127.0.0.1`; spelling it so is an evasion.
    const evasive =
      host.obfuscated ||
      candidate.tricky ||
      url.slashes < 2 ||
      !(url.scheme === 'http' || url.scheme === 'https');
    if (evasive) confidence = 1;
    if (host.embedded === 'wildcard') confidence = Math.max(confidence, 0.9);
    else if (host.embedded === 'name') confidence = Math.min(confidence, 0.5);
    // gopher/dict/redis… to an internal address speaks a raw protocol to an internal service.
    if (!(url.scheme === 'http' || url.scheme === 'https')) confidence = 1;
    if (METADATA_PATH.test(pathAfterHost(text, url))) confidence = 1;
    const rule = host.embedded === 'no' ? ruleFor(host.cls, host.literal) : 'ssrf/dns-rebinding';
    keep(candidate.tricky && host.embedded === 'no' ? 'ssrf/parser-confusion' : rule, confidence, evasive);
  }
  if (best === undefined && network && METADATA_PATH.test(pathAfterHost(text, url)))
    keep('ssrf/metadata-path', 0.6);
  return best;
}
