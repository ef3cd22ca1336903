import type { ShellWord } from './shell-syntax.js';

type Piece = 'none' | 'plain' | 'quote' | 'expansion';

/** A word being read: its text so far and what its spelling has shown. */
export interface WordDraft {
  text: string;
  readonly start: number;
  pieces: number;
  last: Piece;
  quoted: boolean;
  escapedAlnum: boolean;
  emptyExpansionSeen: boolean;
  expanded: boolean;
  glob: boolean;
  braceDepth: number;
  braceComma: boolean;
  brace: boolean;
  literal(c: string): void;
  escaped(c: string): void;
  quotedPiece(text: string, unterminated: boolean): void;
  expandedPiece(value: string): void;
  emptyExpansion(value: string): void;
  isEmpty(): boolean;
}

function isAlnum(c: string): boolean {
  return /^[A-Za-z0-9]$/.test(c);
}

/** Starts a word at `start`. */
export function startWord(start: number): WordDraft {
  const w: WordDraft = {
    text: '',
    start,
    pieces: 0,
    last: 'none',
    quoted: false,
    escapedAlnum: false,
    emptyExpansionSeen: false,
    expanded: false,
    glob: false,
    braceDepth: 0,
    braceComma: false,
    brace: false,
    literal(c) {
      if (w.last !== 'plain') w.pieces++;
      w.last = 'plain';
      w.text += c;
      if (c === '*' || c === '?' || c === '[') w.glob = true;
      else if (c === '{') w.braceDepth++;
      else if (c === ',' && w.braceDepth > 0) w.braceComma = true;
      else if (c === '}' && w.braceDepth > 0) {
        w.braceDepth--;
        if (w.braceComma) w.brace = true;
      }
    },
    escaped(c) {
      if (w.last !== 'plain') w.pieces++;
      w.last = 'plain';
      w.text += c;
      // `c\at`: escaping a letter does nothing but hide the word from pattern matching.
      if (isAlnum(c)) w.escapedAlnum = true;
    },
    quotedPiece(text, unterminated) {
      // An unterminated quote is the application's own closing quote in a quoted context: not a piece.
      if (unterminated && text === '') return;
      w.pieces++;
      w.last = 'quote';
      w.quoted = true;
      w.text += text;
    },
    expandedPiece(value) {
      w.expanded = true;
      if (value === '') {
        w.emptyExpansionSeen = true;
        return;
      }
      w.pieces++;
      w.last = 'expansion';
      w.text += value;
    },
    emptyExpansion(value) {
      w.expandedPiece(value);
    },
    isEmpty() {
      return w.text === '' && !w.quoted;
    },
  };
  return w;
}

/** Finishes a word at `end`; an unquoted word that expanded to nothing disappears, as in the shell. */
export function finishWord(w: WordDraft, end: number): ShellWord | undefined {
  if (w.text === '' && !w.quoted) return undefined;
  return {
    text: w.text,
    start: w.start,
    end,
    quoted: w.quoted,
    split: (w.quoted && w.pieces > 1) || w.escapedAlnum || (w.emptyExpansionSeen && w.text !== ''),
    expanded: w.expanded,
    glob: w.glob,
    brace: w.brace,
  };
}
