/** An `<!ENTITY ...>` or `<!DOCTYPE ...>` declaration, read without expanding anything. */
export interface Declaration {
  readonly type: 'entity' | 'doctype';
  /** Index of `<!`. */
  readonly at: number;
  /** `<!ENTITY % name ...>`: a parameter entity, the building block of blind XXE. */
  readonly parameter: boolean;
  /** SYSTEM or PUBLIC identifier (the URI), '' when the declaration has none. */
  readonly systemId: string;
  readonly publicId: string;
  /** The replacement text of an internal entity; undefined when there is none (not a declaration). */
  readonly literal: string | undefined;
}

const MAX_DECLARATIONS = 64;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A small cursor over declaration text: blanks, names and quoted literals. */
class Cursor {
  constructor(
    readonly s: string,
    public i: number,
    readonly end: number,
  ) {}

  blanks(): void {
    while (this.i < this.end && isBlank(this.s.charCodeAt(this.i))) this.i++;
  }

  word(): string {
    this.blanks();
    const start = this.i;
    while (this.i < this.end && !isBlank(this.s.charCodeAt(this.i)) && !'"\'>[%'.includes(this.s[this.i]!))
      this.i++;
    return this.s.slice(start, this.i);
  }

  literal(): string | undefined {
    this.blanks();
    const quote = this.s[this.i];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = this.s.indexOf(quote, this.i + 1);
    const stop = close < 0 || close > this.end ? this.end : close;
    const text = this.s.slice(this.i + 1, stop);
    this.i = Math.min(this.end, stop + 1);
    return text;
  }
}

function readExternalId(cursor: Cursor): { systemId: string; publicId: string } {
  const save = cursor.i;
  const keyword = cursor.word().toUpperCase();
  if (keyword === 'SYSTEM') return { systemId: cursor.literal() ?? '', publicId: '' };
  if (keyword === 'PUBLIC') {
    const publicId = cursor.literal() ?? '';
    return { systemId: cursor.literal() ?? '', publicId };
  }
  cursor.i = save;
  return { systemId: '', publicId: '' };
}

function readDeclaration(s: string, at: number, end: number, type: Declaration['type']): Declaration {
  const cursor = new Cursor(s, at + (type === 'entity' ? 8 : 9), end);
  cursor.blanks();
  let parameter = false;
  if (type === 'entity' && s[cursor.i] === '%') {
    parameter = true;
    cursor.i++;
  }
  cursor.word();
  const { systemId, publicId } = readExternalId(cursor);
  const literal = type === 'entity' && systemId === '' && publicId === '' ? cursor.literal() : undefined;
  return { type, at, parameter, systemId, publicId, literal };
}

/**
 * Reads every `<!DOCTYPE` and `<!ENTITY` declaration (case-insensitive) in the first `end` characters:
 * parameter flag, external identifiers and internal replacement text. Nothing is fetched or expanded.
 */
export function readDeclarations(s: string, end: number): Declaration[] {
  const found: Declaration[] = [];
  const upper = s.slice(0, end).toUpperCase();
  for (
    let i = upper.indexOf('<!');
    i >= 0 && found.length < MAX_DECLARATIONS;
    i = upper.indexOf('<!', i + 2)
  ) {
    if (upper.startsWith('ENTITY', i + 2)) found.push(readDeclaration(s, i, end, 'entity'));
    else if (upper.startsWith('DOCTYPE', i + 2)) found.push(readDeclaration(s, i, end, 'doctype'));
  }
  return found;
}
