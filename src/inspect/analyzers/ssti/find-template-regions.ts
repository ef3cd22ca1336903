/** Template syntaxes by how their delimiters look. */
export type TemplateSyntax =
  | 'curly' // {{ }}: Jinja, Twig, Nunjucks, Handlebars, Go, Angular
  | 'tag' // {% %}: Jinja, Twig, Django, Liquid statements
  | 'brace' // ${ } #{ } %{ } @( ): EL, SpEL, Freemarker, Mako, Thymeleaf, OGNL, Pug, Ruby, Razor
  | 'scriptlet' // <% %> <%= %>: ERB, JSP, EJS, ASP, Mako
  | 'directive' // <#assign ...> [#assign ...] #set(...): Freemarker, Velocity
  | 'css-like' // *{ } ~{ } @{ }: Thymeleaf, Razor, but also CSS rules
  | 'perl' // @{[ ]}: Perl array interpolation
  | 'smarty' // {php} {system('id')} {$smarty.version}
  | 'reference'; // bare $x.y() (Velocity) and @System.X (Razor)

/** One template construct found in a value. */
export interface TemplateRegion {
  readonly syntax: TemplateSyntax;
  /** Index of the opening delimiter. */
  readonly start: number;
  /** Index after the closing delimiter (or the scanned end when unclosed). */
  readonly end: number;
  readonly inner: string;
  /** False when the value ended (or the inner text grew too long) before the closing delimiter. */
  readonly closed: boolean;
  /** True for statement forms (`{% %}`, `<% %>`, directives, `{{#...}}`), where a leading keyword counts. */
  readonly statement: boolean;
}

const MAX_REGIONS = 32;
/** First characters of every opener: `{` `$` `#` `*` `~` `%` `@` `<` `[`. */
const OPENS = new Uint8Array(128);
for (const c of '{$#*~%@<[') OPENS[c.charCodeAt(0)] = 1;
const MAX_INNER = 1024;
const VELOCITY = /^#(?:set|foreach|if|elseif|evaluate|define|macro|include|parse)\s*\(/i;

function isLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 97 && l <= 122;
}

/** Index of the delimiter that closes a region opened before `from`, balancing `open`/`close` pairs. */
function closing(s: string, from: number, open: number, close: number): number {
  let depth = 0;
  const end = Math.min(s.length, from + MAX_INNER);
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === open) depth++;
    else if (c === close && depth-- === 0) return i;
  }
  return -1;
}

function literalClose(s: string, from: number, close: string): number {
  const at = s.indexOf(close, from);
  return at < 0 || at - from > MAX_INNER ? -1 : at;
}

/** Index where a bare reference (`$x.getClass().forName(...)`) ends: blanks outside brackets. */
function referenceEnd(s: string, from: number): number {
  let depth = 0;
  const end = Math.min(s.length, from + MAX_INNER);
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 40 || c === 91) depth++;
    else if ((c === 41 || c === 93) && depth > 0) depth--;
    else if (depth === 0 && (c <= 32 || c === 60 || c === 62 || c === 34 || c === 39)) return i;
  }
  return end;
}

function region(
  s: string,
  syntax: TemplateSyntax,
  start: number,
  innerStart: number,
  close: number,
  closeLength: number,
  statement: boolean,
): TemplateRegion {
  const innerEnd = close < 0 ? Math.min(s.length, innerStart + MAX_INNER) : close;
  const end = close < 0 ? innerEnd : close + closeLength;
  return { syntax, start, end, inner: s.slice(innerStart, innerEnd), closed: close >= 0, statement };
}

/** The region opened at `i`, if a template delimiter starts there. */
function openAt(s: string, i: number): TemplateRegion | undefined {
  const c = s.charCodeAt(i);
  const n = s.charCodeAt(i + 1);
  if (c === 123 && n === 123) {
    const mark = s.charCodeAt(i + 2);
    // `{{{ x }}}`: Handlebars and Mustache output without escaping, one expression inside.
    if (mark === 123) return region(s, 'curly', i, i + 3, literalClose(s, i + 3, '}}}'), 3, false);
    const handlebarsBlock = mark === 35 || mark === 47;
    // `{{= x}}` (doT), `{{- x}}` (Go, Jinja whitespace control), `{{~ x}}` (Handlebars): markers, not code.
    const marked = mark === 61 || mark === 45 || mark === 126;
    return region(s, 'curly', i, marked ? i + 3 : i + 2, literalClose(s, i + 2, '}}'), 2, handlebarsBlock);
  }
  if (c === 123 && n === 37) return region(s, 'tag', i, i + 2, literalClose(s, i + 2, '%}'), 2, true);
  if (n === 123 && (c === 36 || c === 35 || c === 42 || c === 126 || c === 37 || c === 64)) {
    let j = i + 2;
    while (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9) j++;
    // `*{` and `@{` also open CSS rules (`*{margin:0}`, `@media{`): those count only for code execution.
    const syntax =
      c === 64 && s.charCodeAt(j) === 91 ? 'perl' : c === 42 || c === 64 || c === 126 ? 'css-like' : 'brace';
    const close = closing(s, i + 2, 123, 125);
    // `${{7*7}}`: Thymeleaf's double-brace form (with conversion) holds one expression inside.
    if (s.charCodeAt(j) === 123 && close > j && s.charCodeAt(close - 1) === 125)
      return region(s, syntax, i, j + 1, close - 1, 2, false);
    return region(s, syntax, i, i + 2, close, 1, false);
  }
  if (c === 60 && n === 37) {
    const mark = s.charCodeAt(i + 2);
    if (mark === 35) return undefined; // <%# comment %>
    const output = mark === 61 || mark === 45;
    return region(s, 'scriptlet', i, output ? i + 3 : i + 2, literalClose(s, i + 2, '%>'), 2, true);
  }
  if ((c === 60 || c === 91) && n === 35 && isLetter(s.charCodeAt(i + 2))) {
    return region(s, 'directive', i, i + 2, literalClose(s, i + 2, c === 60 ? '>' : ']'), 1, true);
  }
  if (c === 35 && isLetter(n) && VELOCITY.test(s.slice(i, i + 16))) {
    const paren = s.indexOf('(', i);
    return region(s, 'directive', i, i + 1, closing(s, paren + 1, 40, 41), 1, true);
  }
  if (c === 64 && n === 40) return region(s, 'brace', i, i + 2, closing(s, i + 2, 40, 41), 1, false);
  // `{$x}`, `{foo}`, and `{42*42}`, which counts only as a whole value (see the analyzer).
  if (c === 123 && (isLetter(n) || n === 36 || (n >= 48 && n <= 57)))
    return region(s, 'smarty', i, i + 1, closing(s, i + 1, 123, 125), 1, false);
  if ((c === 36 && isLetter(n)) || (c === 64 && s.startsWith('System.', i + 1))) {
    return region(s, 'reference', i, i + 1, -1, 0, false);
  }
  return undefined;
}

/**
 * Finds template constructs in a value: every delimiter pair of the common server-side engines, their
 * inner text (bounded), and bare Velocity/Razor references. Regions do not overlap.
 * @example findTemplateRegions('a {{7*7}} b')[0]?.inner // '7*7'
 */
export function findTemplateRegions(s: string, limit: number): TemplateRegion[] {
  const regions: TemplateRegion[] = [];
  const end = Math.min(s.length, limit);
  for (let i = 0; i < end - 1 && regions.length < MAX_REGIONS; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || OPENS[c] === 0) continue;
    const found = openAt(s, i);
    if (found === undefined) continue;
    if (found.syntax === 'reference') {
      const stop = referenceEnd(s, i + 1);
      regions.push({ ...found, end: stop, inner: s.slice(i + 1, stop), closed: true });
      i = stop - 1;
      continue;
    }
    regions.push(found);
    // Skip a closed region; an unclosed one may hide a real region inside, so keep scanning.
    if (found.closed) i = Math.max(i, found.end - 1);
  }
  return regions;
}
