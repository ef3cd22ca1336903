/** The parameters of a part's Content-Disposition that extraction needs, raw. */
export interface ContentDisposition {
  readonly name: string | undefined;
  readonly filename: string | undefined;
}

/**
 * Reads `form-data; name="a;b"; filename="..\x.txt"` leniently. Backslashes are kept as they are (browsers
 * percent-encode quotes; a backslash is more likely a Windows path, and `..\` must stay visible).
 */
export function parseContentDisposition(value: string): ContentDisposition {
  let name: string | undefined;
  let filename: string | undefined;
  let starred: string | undefined;
  let i = value.indexOf(';');
  while (i >= 0 && i < value.length) {
    i++;
    let eq = i;
    while (eq < value.length && value.charCodeAt(eq) !== 61 && value.charCodeAt(eq) !== 59) eq++;
    if (eq >= value.length) break;
    if (value.charCodeAt(eq) === 59) {
      i = eq; // a parameter without a value
      continue;
    }
    const key = value.slice(i, eq).trim().toLowerCase();
    let raw: string;
    let j = eq + 1;
    while (j < value.length && value.charCodeAt(j) === 32) j++;
    if (value.charCodeAt(j) === 34) {
      const close = value.indexOf('"', j + 1);
      raw = value.slice(j + 1, close < 0 ? value.length : close);
      i = close < 0 ? value.length : value.indexOf(';', close);
    } else {
      const end = value.indexOf(';', j);
      raw = value.slice(j, end < 0 ? value.length : end).trim();
      i = end;
    }
    // The first occurrence wins, as in most servers; a repeated one is a protocol anomaly, not ours to judge.
    if (key === 'name') name ??= raw;
    else if (key === 'filename') filename ??= raw;
    else if (key === 'filename*') starred ??= raw;
  }
  return { name, filename: filename ?? starred };
}
