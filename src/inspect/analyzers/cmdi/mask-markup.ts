import { HTML_ENTITY_NAMES } from '../../normalize/html-entity-names.js';

const NAMED_ENTITY = /&([A-Za-z][A-Za-z0-9]{1,31});/g;
// `|---|:--:|`: the row under a Markdown table's header.
const TABLE_DELIMITER = /(?:^|\n)[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|/;
const LINE_OPENING_PIPE = /(^|\n)([ \t]*\|[^\n]*)/g;
const EMPTY_PIPE = /(?:^|[^|])\|[ \t]+\|(?!\|)/;
// `**Bold text**` opening a line: Markdown emphasis, which a shell would read as a glob.
const LINE_EMPHASIS = /(^|\n)([ \t]{0,3})(\*\*|__)(?=[^\s*_])([^\n]{1,200}?[^\s*_])\3/g;

/**
 * `text` with the markup that only looks like shell operators blanked out, keeping every offset: the `&`
 * and `;` of HTML named entities (`&copy;` is no background job), and Markdown table rows — a line that
 * opens with `|` is a shell syntax error, so nothing on it runs; a first line opening with `|` is a table
 * row only when the text has the row of dashes under a table header; and a line with an empty pipeline
 * (`| |`), which no shell parses; and the markers of `**emphasis**` opening a line, which a shell would
 * glob.
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
  if (out.includes('**') || out.includes('__')) {
    out = out.replace(
      LINE_EMPHASIS,
      (_whole, start: string, indent: string, mark: string, inner: string) =>
        `${start}${indent}  ${inner}${' '.repeat(mark.length)}`,
    );
  }
  // `| a | | b |`: a pipe with no command before it is a syntax error, so nothing on that line runs —
  // a Markdown table folded onto one line reads so.
  if (EMPTY_PIPE.test(out)) {
    out = out
      .split('\n')
      .map((line) => (EMPTY_PIPE.test(line) ? ' '.repeat(line.length) : line))
      .join('\n');
  }
  return out;
}
