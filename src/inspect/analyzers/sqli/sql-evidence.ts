const MAX_EVIDENCE = 64;

/** A log-safe excerpt of `input[start, end)`: control characters escaped, at most 64 characters. */
export function sqlEvidence(input: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end && out.length < MAX_EVIDENCE; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) out += c === 10 ? '\\n' : c === 13 ? '\\r' : c === 9 ? '\\t' : `\\x${hex(c)}`;
    else out += input[i];
  }
  return out.length > MAX_EVIDENCE ? out.slice(0, MAX_EVIDENCE) : out;
}

function hex(c: number): string {
  return c.toString(16).padStart(2, '0');
}
