const MAX_RESULTS = 16;
const MAX_DEPTH = 4;

// The first `{…}` with a comma at its own level: [open, close, comma positions].
function firstGroup(text: string): [number, number, number[]] | undefined {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let i = open; i < text.length; i++) {
      const c = text[i];
      if (c === '{') depth++;
      else if (c === ',' && depth === 1) commas.push(i);
      else if (c === '}' && --depth === 0) {
        if (commas.length > 0) return [open, i, commas];
        break;
      }
    }
  }
  return undefined;
}

/**
 * Bash brace expansion, bounded: `{cat,/etc/passwd}` → `cat /etc/passwd`, `c{a,oun}t` → `cat count`.
 * @example expandBraces('{l,-lh}s') // ['ls', '-lhs']
 */
export function expandBraces(text: string, depth = 0): string[] {
  const group = depth < MAX_DEPTH ? firstGroup(text) : undefined;
  if (group === undefined) return [text];
  const [open, close, commas] = group;
  const prefix = text.slice(0, open);
  const suffix = text.slice(close + 1);
  const out: string[] = [];
  let from = open + 1;
  for (const stop of [...commas, close]) {
    for (const expanded of expandBraces(prefix + text.slice(from, stop) + suffix, depth + 1)) {
      if (out.length < MAX_RESULTS) out.push(expanded);
    }
    from = stop + 1;
  }
  return out;
}
