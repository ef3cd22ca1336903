/** The placeholders a maze path template may use. */
export const PLACEHOLDERS = ['slug', 'year', 'month', 'noun', 'id'] as const;

/** One placeholder name. */
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A piece of a template: literal text, or a placeholder; `carrier` marks the one holding the checksum. */
export type TemplatePart =
  | { readonly literal: string }
  | { readonly placeholder: Placeholder; readonly carrier: boolean };

/** A path template, checked and split once so that filling it costs no parsing. */
export interface PathTemplate {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
}

const KNOWN = new Set<string>(PLACEHOLDERS);
// Characters that need escaping neither in a URL path nor in an HTML attribute, so maze links need none.
const SAFE = /^[A-Za-z0-9._~/-]*$/;
const ALPHANUMERIC_START = /^[A-Za-z0-9]/;

function reject(source: string, problem: string): never {
  throw new TypeError(`labyrinth: path template "${source}" ${problem}`);
}

function parse(source: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('{', at);
    const end = open === -1 ? source.length : open;
    if (end > at) parts.push({ literal: source.slice(at, end) });
    if (open === -1) break;
    const close = source.indexOf('}', open);
    if (close === -1) reject(source, 'has a "{" without "}"');
    const name = source.slice(open + 1, close);
    if (!KNOWN.has(name))
      reject(source, `has an unknown placeholder {${name}} (known: ${PLACEHOLDERS.join(', ')})`);
    parts.push({ placeholder: name as Placeholder, carrier: false });
    at = close + 1;
  }
  return parts;
}

function checkShape(source: string, parts: readonly TemplatePart[]): void {
  const filled = parts.map((part) => ('literal' in part ? part.literal : 'x')).join('');
  if (!SAFE.test(filled)) reject(source, 'has a character outside [A-Za-z0-9._~/-] and placeholders');
  const segments = filled.split('/').slice(1);
  // An empty segment would make `//host` links (protocol-relative: off the site); dot segments climb out.
  if (segments.some((s, i) => (s === '' && i < segments.length - 1) || s === '.' || s === '..'))
    reject(source, 'has an empty, "." or ".." segment');
}

// isMazePath finds the checksum after the path's last "-", as the run of letters and digits there: so
// nothing after the carrier may add a "-" or run on into the checksum.
function checkAfterCarrier(source: string, parts: readonly TemplatePart[], carrier: number): void {
  const next = parts[carrier + 1];
  if (next !== undefined && (!('literal' in next) || ALPHANUMERIC_START.test(next.literal)))
    reject(source, 'must not have a letter, digit or placeholder right after its last {slug} or {id}');
  for (const part of parts.slice(carrier + 1))
    if ('literal' in part && part.literal.includes('-'))
      reject(source, 'must not have a "-" after its last {slug} or {id}');
}

/**
 * Checks a template and splits it; a template the maze cannot use is a TypeError that names it.
 * @example compilePathTemplate('/blog/{year}/{month}/{slug}')
 */
export function compilePathTemplate(source: string): PathTemplate {
  if (typeof source !== 'string') throw new TypeError('labyrinth: a path template must be a string');
  if (!source.startsWith('/')) reject(source, 'does not start with "/"');
  const parts = parse(source);
  checkShape(source, parts);
  let carrier = -1;
  parts.forEach((part, i) => {
    if ('placeholder' in part && (part.placeholder === 'slug' || part.placeholder === 'id')) carrier = i;
  });
  if (carrier === -1) reject(source, 'has no {slug} nor {id} to carry the maze checksum');
  checkAfterCarrier(source, parts, carrier);
  parts[carrier] = {
    placeholder: (parts[carrier] as { placeholder: Placeholder }).placeholder,
    carrier: true,
  };
  return Object.freeze({ source, parts: Object.freeze(parts) });
}
