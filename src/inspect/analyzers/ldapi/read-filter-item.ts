/** The filter component after a `(`. */
export interface FilterItem {
  /** `compound`: `(&`, `(|`, `(!`; `absolute`: `(&)`, `(|)`; `presence`: `(attr=*)`; else a comparison. */
  readonly shape: 'compound' | 'absolute' | 'presence' | 'comparison';
  /** Lower-cased attribute description, '' for operators. */
  readonly attribute: string;
  /** `=`, `~=`, `>=`, `<=`, or `:=` for extensible matches; '' for operators. */
  readonly operator: string;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function skipBlanks(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && isBlank(s.charCodeAt(j))) j++;
  return j;
}

function isAttributeChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    ((c | 0x20) >= 97 && (c | 0x20) <= 122) ||
    c === 45 ||
    c === 46 ||
    c === 59 ||
    c === 95
  );
}

function operatorItem(s: string, i: number, end: number): FilterItem {
  const next = s.charCodeAt(skipBlanks(s, i + 1, end));
  return { shape: next === 41 ? 'absolute' : 'compound', attribute: '', operator: '' };
}

/**
 * Reads the filter component after the `(` at `open`: a compound operator, an absolute filter, or an
 * attribute description (name or OID, options, extensible `:dn:rule`) with a filter type and a value.
 * Undefined when the text is not LDAP filter syntax.
 */
export function readFilterItem(s: string, open: number, end: number): FilterItem | undefined {
  let i = skipBlanks(s, open + 1, end);
  const c = s.charCodeAt(i);
  if (c === 38 || c === 124 || c === 33) return operatorItem(s, i, end);
  const start = i;
  if (!isAttributeChar(c) || c === 45 || c === 46 || c === 59) return undefined;
  while (i < end && i - start < 64 && isAttributeChar(s.charCodeAt(i))) i++;
  const attribute = s.slice(start, i).toLowerCase();
  let extensible = false;
  while (s.charCodeAt(i) === 58 && i - start < 128) {
    extensible = true;
    i++;
    while (i < end && i - start < 128 && isAttributeChar(s.charCodeAt(i))) i++;
  }
  i = skipBlanks(s, i, end);
  const op = s.charCodeAt(i);
  if (op === 126 || op === 62 || op === 60) {
    if (s.charCodeAt(i + 1) !== 61) return undefined;
    return { shape: 'comparison', attribute, operator: `${s[i]}=` };
  }
  if (op !== 61) return undefined;
  const value = skipBlanks(s, i + 1, end);
  const after = value + 1 >= end ? Number.NaN : s.charCodeAt(value + 1);
  const presence = value < end && s.charCodeAt(value) === 42 && (Number.isNaN(after) || after === 41);
  return { shape: presence ? 'presence' : 'comparison', attribute, operator: extensible ? ':=' : '=' };
}
