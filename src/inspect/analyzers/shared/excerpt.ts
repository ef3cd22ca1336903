const MAX_EVIDENCE = 64;

/** A log-safe excerpt of `text` from `start`: at most 64 characters, control characters escaped. */
export function excerpt(text: string, start = 0, end = text.length): string {
  const from = Math.max(0, start);
  const raw = text.slice(from, Math.min(end, from + MAX_EVIDENCE));
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    // Evidence goes to logs: a raw CR/LF or escape sequence there would forge or garble log lines.
    if (c < 0x20 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029) {
      out += `\\x${c.toString(16).padStart(2, '0')}`;
    } else out += raw[i];
  }
  return out.length > MAX_EVIDENCE ? out.slice(0, MAX_EVIDENCE) : out;
}
