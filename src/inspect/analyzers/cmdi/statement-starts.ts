/** Where a statement may start in a value: the beginning, and after `&`, `|`, `;`, `(` or a line break. */
export function statementStarts(text: string, max = 16): number[] {
  const out = [0];
  for (let i = 0; i < text.length && out.length < max; i++) {
    const c = text[i];
    if (c === '&' || c === '|' || c === ';' || c === '\n' || c === '\r' || c === '(') {
      let j = i + 1;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '&' || text[j] === '|'))
        j++;
      if (j < text.length && out[out.length - 1] !== j) out.push(j);
    }
  }
  return out;
}
