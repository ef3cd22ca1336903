/**
 * Splits one CSV line as Go's `encoding/csv` writes it: fields quoted when they hold a comma or quote,
 * `""` inside quotes for a quote. Lenient: an unterminated quote runs to the end of the line.
 * @example splitCsvLine('1,"AS 1, Inc",x') // ['1', 'AS 1, Inc', 'x']
 */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) {
          value += line.slice(i);
          i = line.length;
          break;
        }
        value += line.slice(i, quote);
        i = quote + 1;
        if (line[i] !== '"') break;
        value += '"';
        i++;
      }
    }
    const comma = line.indexOf(',', i);
    fields.push(value + line.slice(i, comma < 0 ? line.length : comma));
    if (comma < 0) return fields;
    i = comma + 1;
  }
}
