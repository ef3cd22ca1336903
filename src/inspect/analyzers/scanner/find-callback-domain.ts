import type { ProbeHit } from './probe-hit.js';

// Out-of-band interaction services that scanners plant to detect blind injections.
// Matched without the subdomain labels in front, which would make the pattern backtrack; the evidence
// takes the host around the match instead.
const CALLBACK =
  /(?:oastify\.com|burpcollaborator\.net|oast\.(?:pro|live|site|online|fun|me)|interact\.sh|interactsh\.com|dnslog\.cn|dnslog\.link|ceye\.io|bxss\.me|requestrepo\.com|canarytokens\.com|xss\.ht)\b/i;
// Cheap pre-check: a substring every domain above contains (lower case, as hosts are written).
const HINT = /oast|collaborator|interact|dnslog|ceye|bxss|requestrepo|canarytoken|xss\.ht/;

/** A blind-injection callback domain (Burp Collaborator, interactsh, dnslog...) anywhere in `text`. */
export function findCallbackDomain(text: string): ProbeHit | undefined {
  const lower = text.length > 16 * 1024 ? text.slice(0, 16 * 1024) : text;
  if (!HINT.test(lower)) return undefined;
  const m = CALLBACK.exec(lower);
  if (m === null) return undefined;
  let start = m.index;
  while (start > 0 && start > m.index - 48 && /[A-Za-z0-9.-]/.test(lower[start - 1]!)) start--;
  return { rule: 'callback-domain', confidence: 0.6, evidence: lower.slice(start, m.index + m[0].length) };
}
