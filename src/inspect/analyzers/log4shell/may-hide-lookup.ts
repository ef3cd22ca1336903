function lower(s: string, i: number): number {
  return s.charCodeAt(i) | 0x20;
}

/**
 * Cheap gate: can this text spell `$` at all? A literal `$`, `%24`/`%25`/`%u`, `&#`/`&dollar`, or a
 * `\u`/`\x` escape. Ordinary values have none of these and skip decoding.
 */
export function mayHideLookup(s: string, limit: number): boolean {
  const end = Math.min(s.length, limit);
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 36) return true;
    if (c === 37) {
      const n = lower(s, i + 1);
      if (n === 117 || (n === 50 && (s.charCodeAt(i + 2) === 52 || s.charCodeAt(i + 2) === 53))) return true;
    } else if (c === 38) {
      const n = lower(s, i + 1);
      if (n === 35 || n === 100) return true;
    } else if (c === 92) {
      const n = lower(s, i + 1);
      if (n === 117 || n === 120) return true;
    }
  }
  return false;
}
