import { type ConfigOption, describeConfigSchema } from './config-options.js';

/** Markdown: for each top-level section, a table of its options, then one of the fields of each list's entries. */
export function renderOptionTables(): string {
  const nodes = describeConfigSchema();
  const out: string[] = [];
  for (const section of nodes.filter((node) => node.segments.length === 1)) {
    const own = nodes.filter((node) => node.segments[0] === section.path && !node.path.includes('[]'));
    out.push(`### \`${section.path}\``, '', section.description, '');
    out.push(
      ...table(['Option', 'Type', 'Default', 'Env twin', 'Description'], own.filter(isRow).map(optionRow)),
    );
    for (const list of own.filter((node) => node.kind === 'list' && node.itemKind === 'object')) {
      const fields = nodes.filter((node) => node.path.startsWith(`${list.path}[].`));
      out.push(`#### Entries of \`${list.path}\``, '');
      out.push(
        `Each entry is an object with these fields. In the environment the whole list is one JSON value, \`${list.env}\`.`,
        '',
      );
      out.push(...table(['Field', 'Type', 'Default', 'Description'], fields.map(fieldRow)));
    }
  }
  return out.join('\n');
}

// The section itself is the heading; nested sections (server.limits) stay as rows, since they carry a description.
function isRow(node: ConfigOption): boolean {
  return node.segments.length > 1 || node.kind !== 'object';
}

function optionRow(option: ConfigOption): string[] {
  return [
    code(option.path),
    option.type,
    defaultCell(option),
    option.env ? code(option.env) : '—',
    option.description,
  ];
}

function fieldRow(field: ConfigOption): string[] {
  return [code(field.path), field.type, defaultCell(field), field.description];
}

function defaultCell(option: ConfigOption): string {
  if (option.required) return '**required**';
  if (!option.hasDefault || option.kind === 'object') return '—';
  return code(typeof option.default === 'string' ? option.default : JSON.stringify(option.default));
}

function code(text: string): string {
  return `\`${text}\``;
}

// Columns are padded to one width, as the formatter (biome) lays out markdown tables, so that
// `biome check` accepts the generated file as it is.
function table(header: string[], rows: string[][]): string[] {
  const body = [header, ...rows].map((cells) => cells.map((cell) => cell.replaceAll('|', '\\|')));
  const widths = header.map((_, i) => Math.max(3, ...body.map((cells) => [...(cells[i] ?? '')].length)));
  const pad = (cell: string, i: number) => cell + ' '.repeat(widths[i]! - [...cell].length);
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const [head, ...rest] = body;
  return [line(head!), line(widths.map((w) => '-'.repeat(w))), ...rest.map(line), ''];
}
