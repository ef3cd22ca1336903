import { HTML_ENTITY_NAMES } from '../../normalize/html-entity-names.js';

const NAMED_ENTITY = /&([A-Za-z][A-Za-z0-9]{1,31});/g;
// `|---|:--:|`: the row under a Markdown table's header.
const TABLE_DELIMITER = /(?:^|\n)[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|/;
const LINE_OPENING_PIPE = /(^|\n)([ \t]*\|[^\n]*)/g;

/**
 * `text` with the markup that only looks like shell operators blanked out, keeping every offset: the `&`
 * and `;` of HTML named entities (`&copy;` is no background job), and Markdown table rows — a line that
 * opens with `|` is a shell syntax error, so nothing on it runs; a first line opening with `|` is a table
 * row only when the text has the row of dashes under a table header.
 * @example maskMarkup('&copy; 2024') // '_copy_ 2024'
 */
export function maskMarkup(text: string): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(NAMED_ENTITY, (whole, name: string) =>
      HTML_ENTITY_NAMES.has(name) ? `_${name}_` : whole,
    );
  }
  if (out.includes('\n|') || /\n[ \t]+\|/.test(out) || TABLE_DELIMITER.test(out)) {
    const table = TABLE_DELIMITER.test(out);
    out = out.replace(LINE_OPENING_PIPE, (whole, start: string, line: string) =>
      start === '' && !table ? whole : start + ' '.repeat(line.length),
    );
  }
  return out;
}
