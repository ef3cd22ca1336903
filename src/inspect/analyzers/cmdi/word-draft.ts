import type { ShellWord } from './shell-syntax.js';

type Piece = 'none' | 'plain' | 'quote' | 'expansion';

function isAlnum(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A word being read: its text so far and what its spelling has shown. */
export class WordDraft {
  text = '';
  readonly start: number;
  #pieces = 0;
  #last: Piece = 'none';
  #quoted = false;
  #escapedAlnum = false;
  #emptyExpansion = false;
  #expanded = false;
  #glob = false;
  #braceDepth = 0;
  #braceComma = false;
  #brace = false;

  constructor(start: number) {
    this.start = start;
  }

  /** An unquoted character. */
  literal(c: string): void {
    if (this.#last !== 'plain') this.#pieces++;
    this.#last = 'plain';
    this.text += c;
    if (c === '*' || c === '?' || c === '[') this.#glob = true;
    else if (c === '{') this.#braceDepth++;
    else if (c === ',' && this.#braceDepth > 0) this.#braceComma = true;
    else if (c === '}' && this.#braceDepth > 0) {
      this.#braceDepth--;
      if (this.#braceComma) this.#brace = true;
    }
  }

  /** A backslash-escaped character. */
  escaped(c: string): void {
    if (this.#last !== 'plain') this.#pieces++;
    this.#last = 'plain';
    this.text += c;
    // `c\at`: escaping a letter does nothing but hide the word from pattern matching.
    if (isAlnum(c)) this.#escapedAlnum = true;
  }

  /** A quoted stretch; an unterminated empty one is the application's own closing quote, not a piece. */
  quotedPiece(text: string, unterminated: boolean): void {
    if (unterminated && text === '') return;
    this.#pieces++;
    this.#last = 'quote';
    this.#quoted = true;
    this.text += text;
  }

  /** What an expansion or substitution produced ('' for unset variables and command output). */
  expandedPiece(value: string): void {
    this.#expanded = true;
    if (value === '') {
      this.#emptyExpansion = true;
      return;
    }
    this.#pieces++;
    this.#last = 'expansion';
    this.text += value;
  }

  isEmpty(): boolean {
    return this.text === '' && !this.#quoted;
  }

  /** The finished word; an unquoted word that expanded to nothing disappears, as in the shell. */
  finish(end: number): ShellWord | undefined {
    if (this.text === '' && !this.#quoted) return undefined;
    return {
      text: this.text,
      start: this.start,
      end,
      quoted: this.#quoted,
      split:
        (this.#quoted && this.#pieces > 1) ||
        this.#escapedAlnum ||
        (this.#emptyExpansion && this.text !== ''),
      expanded: this.#expanded,
      glob: this.#glob,
      brace: this.#brace,
    };
  }
}
