import { passesLuhn } from './luhn.js';

/** One kind of secret: what finds it and what takes its place. */
interface SecretPattern {
  readonly pattern: RegExp;
  readonly replace: (match: string, ...groups: string[]) => string;
}

const fixed = (marker: string) => () => marker;

// Names whose values are secrets, in query strings, form and JSON bodies, headers and cookies.
const SECRET_NAME =
  /pass|pwd|secret|token|api[-_.]?key|access[-_.]?key|private[-_.]?key|auth|credential|session|sessid|cookie|signature|^sid$|^key$/i;
const AUTH_SCHEME = /^(?:bearer|basic|digest|token|negotiate)$/i;

// Order matters: whole blocks and self-describing tokens first, then names with values, then numbers.
// Attackers write the text: a run-length pattern starts only where its run starts (a lookbehind), so a long
// run is scanned once, not once per character.
const PATTERNS: readonly SecretPattern[] = [
  {
    pattern:
      /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----|$)/g,
    replace: fixed('[private-key]'),
  },
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, replace: fixed('[jwt]') },
  {
    pattern: /\b([a-z][a-z0-9+.-]{0,20}:\/\/[^\s/:@]{1,256}):[^\s/@]{1,256}@/gi,
    replace: (_, head) => `${head}:[secret]@`,
  },
  {
    // After `Bearer` comes a credential; after the other words, only what looks like one (mixed case, digits or
    // punctuation), so that "token expired" or "basic authentication" in prose stays as it is.
    pattern: /\b(bearer|basic|token|negotiate|digest)(\s+)([A-Za-z0-9._~+/=-]{6,})/gi,
    replace: (match, scheme, space, value) =>
      /^bearer$/i.test(scheme) || (/[A-Z]/.test(value) && /[a-z]/.test(value)) || /[0-9._~+/=-]/.test(value)
        ? `${scheme}${space}[secret]`
        : match,
  },
  {
    pattern:
      /\b(?:sk-[A-Za-z0-9_-]{16,}|(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,}|xai-[A-Za-z0-9]{20,}|hf_[A-Za-z0-9]{30,})/g,
    replace: fixed('[api-key]'),
  },
  {
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}\b/g,
    replace: fixed('[aws-key]'),
  },
  { pattern: /\b((?:set-)?cookie)(\s*:\s*)[^\r\n]+/gi, replace: (_, name, sep) => `${name}${sep}[secret]` },
  {
    pattern:
      /(?<![\w.\-[\]])(["']?)([A-Za-z_][\w.\-[\]]{0,63})\1(\s*[:=]\s*)(?:"((?:[^"\\]|\\.){0,4096})"|'([^']{0,4096})'|([^\s&,;"'}\]<>]{1,4096}))/g,
    replace: (match, quote, name, sep, doubleQuoted, singleQuoted, bare) => {
      const key = name.replace(/\[\]$/, '');
      if (!SECRET_NAME.test(key)) return match;
      if (bare !== undefined && (AUTH_SCHEME.test(bare) || bare.startsWith('['))) return match;
      if (doubleQuoted !== undefined) return `${quote}${name}${quote}${sep}"[secret]"`;
      if (singleQuoted !== undefined) return `${quote}${name}${quote}${sep}'[secret]'`;
      return `${quote}${name}${quote}${sep}[secret]`;
    },
  },
  {
    // Card numbers start with 2 to 6; epoch milliseconds (13 digits, starting with 1) are left alone.
    pattern: /(?<![\w.])[2-6]\d(?:[ -]?\d){11,17}(?![\w.])/g,
    replace: (match) => {
      const digits = match.replace(/[ -]/g, '');
      return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? '[card]' : match;
    },
  },
  {
    pattern:
      /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g,
    replace: fixed('[email]'),
  },
];

/**
 * Replaces secrets and e-mail addresses in free text with markers (`[secret]`, `[jwt]`, `[api-key]`,
 * `[aws-key]`, `[private-key]`, `[card]`, `[email]`); names stay, so `password=[secret]` still tells a story.
 * @example redactSecrets('GET /?api_key=abc123&q=1') // 'GET /?api_key=[secret]&q=1'
 */
export function redactSecrets(text: string): string {
  let out = text;
  for (const { pattern, replace } of PATTERNS) out = out.replace(pattern, replace as never);
  return out;
}
