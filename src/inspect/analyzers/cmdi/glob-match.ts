const MAX_PATTERN = 128;

// Splits at `/` outside `[…]`, so `/[e//]tc` keeps its class whole.
function segments(pattern: string): string[] {
  const out: string[] = [];
  let current = '';
  let inClass = false;
  for (const c of pattern) {
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    if (c === '/' && !inClass) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

// Matches one `[…]` class at pattern[p] against ch; returns the index after the class, or -1.
function matchClass(pattern: string, p: number, ch: string): number {
  let i = p + 1;
  const negate = pattern[i] === '!' || pattern[i] === '^';
  if (negate) i++;
  let hit = false;
  const first = i;
  while (i < pattern.length && (pattern[i] !== ']' || i === first)) {
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      if (ch >= pattern[i]! && ch <= pattern[i + 2]!) hit = true;
      i += 3;
    } else {
      if (pattern[i] === ch) hit = true;
      i++;
    }
  }
  if (i >= pattern.length) return -1;
  return hit !== negate ? i + 1 : -1;
}

// One segment: `*`, `?`, `[…]`; the usual two-pointer walk, linear in practice and bounded by the caps.
function matchSegment(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      mark = t;
      continue;
    }
    if (c === '?') {
      p++;
      t++;
      continue;
    }
    if (c === '[') {
      const next = matchClass(pattern, p, text[t]!);
      if (next >= 0) {
        p = next;
        t++;
        continue;
      }
    } else if (c !== undefined && c === text[t]) {
      p++;
      t++;
      continue;
    }
    if (star < 0) return false;
    p = star + 1;
    t = ++mark;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * Matches a shell glob (`*`, `?`, `[…]`, segment by segment as the shell does) against a path.
 * @example globMatch('/???/c?t', '/bin/cat') // true
 */
export function globMatch(pattern: string, path: string): boolean {
  if (pattern.length > MAX_PATTERN || path.length > MAX_PATTERN) return false;
  if (!pattern.includes('/') && !path.includes('/')) return matchSegment(pattern, path);
  const ps = segments(pattern);
  const ts = path.split('/');
  if (ps.length !== ts.length) return false;
  for (let i = 0; i < ps.length; i++) if (!matchSegment(ps[i]!, ts[i]!)) return false;
  return true;
}

/**
 * The length a glob without `*` matches exactly (`c?t` → 3, `[abc]d` → 2); -1 when it has a `*`.
 * @example fixedGlobLength('pa[s]swd') // 6
 */
export function fixedGlobLength(pattern: string): number {
  if (pattern.includes('*')) return -1;
  let n = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close > 0) i = close;
    }
    n++;
  }
  return n;
}
