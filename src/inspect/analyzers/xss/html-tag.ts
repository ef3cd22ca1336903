/** One attribute as the HTML tokenizer reads it; the value is raw (character references still in place). */
export interface HtmlAttribute {
  /** Lower-cased, NULs dropped. */
  readonly name: string;
  /** Undefined for a bare attribute (`<input autofocus>`). */
  readonly value: string | undefined;
  /** Index of the name's first character in the scanned text. */
  readonly at: number;
  /** A quoted value whose closing quote never comes: it runs to the end of the text. */
  readonly unclosed?: boolean;
}

/**
 * A tag-like construct: a start tag (`<img …>`), an end tag (`</a …>`), or markup that HTML5 turns into a
 * bogus comment but other parsers (XML, old IE, mutation XSS) read as a tag (`<?import …>`, `<! x="…">`).
 */
export interface HtmlTag {
  readonly kind: 'start' | 'end' | 'bogus';
  /** Lower-cased element name as written (`x:script`, `img2src=x`), '' when there is none. */
  readonly name: string;
  /** The element the name means: its leading name characters, without a namespace prefix (`script`). */
  readonly element: string;
  readonly attributes: readonly HtmlAttribute[];
  /** Index of the `<`. */
  readonly start: number;
  /** Index just after the `>`, or where the scan stopped when there is none. */
  readonly end: number;
  /** True when the tag ends with `>`; an unterminated tag still runs in browsers that recover. */
  readonly closed: boolean;
}
