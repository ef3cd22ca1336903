import { KNOWN_COMMANDS } from './known-commands.js';

const MAX_WORD = 24;
// A leading path worth parsing (besides a glob): a binary directory or a device (`/dev/tcp/…`).
const BIN_PATH = /^\/(?:(?:usr\/(?:local\/)?)?s?bin\/|dev\/)/;

// Character classes for the scan; 0 (letters, digits, blanks, most punctuation) is the fast path.
const SEPARATOR = 1; // ; | & ` \n \r
const DOLLAR = 2;
const ANGLE = 3; // < >
const BRACE = 4;
const BACKSLASH = 5;
const PERCENT = 6;
const QUOTE = 7;
const PAREN = 8;
const CLASS = new Uint8Array(128);
for (const ch of ';|&`\n\r') CLASS[ch.charCodeAt(0)] = SEPARATOR;
CLASS[36] = DOLLAR;
CLASS[60] = ANGLE;
CLASS[62] = ANGLE;
CLASS[123] = BRACE;
CLASS[92] = BACKSLASH;
CLASS[37] = PERCENT;
CLASS[39] = QUOTE;
CLASS[34] = QUOTE;
CLASS[40] = PAREN;

// After an operator, these open something that is never text: a path, an expansion, a group.
const OPENER = new Uint8Array(128);
for (const ch of '/$`{\\~%.!<>') OPENER[ch.charCodeAt(0)] = 1;
// What `$` may expand: `$(`, `${`, `$[`, `$'`, `$"`, `$_x`, letters, and the special parameters.
const EXPANSION = new Uint8Array(128);
for (const ch of '({[\'"_@*#?!$-') EXPANSION[ch.charCodeAt(0)] = 1;
for (let c = 65; c <= 90; c++) EXPANSION[c] = EXPANSION[c + 32] = 1;

function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 45 ||
    c === 46 ||
    c === 95 ||
    c === 43
  );
}

// The word at `start`, quotes and backslashes dropped (`'i'fconfig` → `ifconfig`), lower-cased; '' if
// there is none or it is too long to be a command name.
function wordAt(text: string, start: number): string {
  let end = start;
  let length = 0;
  let quoted = false;
  for (; end < text.length && length <= MAX_WORD; end++) {
    const c = text.charCodeAt(end);
    if (c === 39 || c === 34 || c === 92) quoted = true;
    else if (isWordChar(c)) length++;
    else break;
  }
  if (length === 0 || length > MAX_WORD) return '';
  const word = text.slice(start, end);
  return (quoted ? word.replace(/['"\\]/g, '') : word).toLowerCase();
}

function knownName(word: string): boolean {
  if (KNOWN_COMMANDS.has(word)) return true;
  // `cmd.exe`, `python3.10`: drop the extension or the version.
  let end = word.endsWith('.exe') ? word.length - 4 : word.length;
  while (end > 0) {
    const c = word.charCodeAt(end - 1);
    if (!((c >= 48 && c <= 57) || c === 46)) break;
    end--;
  }
  return end < word.length && KNOWN_COMMANDS.has(word.slice(0, end));
}

function isCommandWord(word: string): boolean {
  return word !== '' && (knownName(word) || word === 'for' || word === 'if');
}

// Whether a command may start at `i`: an opener, or a known command name (quotes and escapes dropped).
function commandAt(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && j - i < 8) {
    const c = text.charCodeAt(j);
    if (c !== 32 && c !== 9 && c !== 39 && c !== 34 && c !== 40 && c !== 38 && c !== 124 && c !== 59) break;
    j++;
  }
  const c = text.charCodeAt(j);
  return (c < 128 && OPENER[c] === 1) || isCommandWord(wordAt(text, j));
}

function wordStart(text: string, i: number): number {
  let from = i;
  while (from > 0 && i - from < MAX_WORD) {
    const c = text.charCodeAt(from - 1);
    if (!isWordChar(c) && c !== 39 && c !== 34) break;
    from--;
  }
  return from;
}

// The opening of the value: a binary path or glob, `~/`, or a known command (`cat …`, `'i'fconfig`).
function opensWithCommand(text: string): boolean {
  let start = 0;
  while (start < text.length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 40)) start++;
  const c0 = text.charCodeAt(start);
  if (c0 === 47) {
    let end = start;
    while (end < text.length && end - start < 64 && text.charCodeAt(end) > 32) end++;
    const path = text.slice(start, end);
    return BIN_PATH.test(path) || path.includes('?') || path.includes('*') || path.includes('[');
  }
  if (c0 === 126) {
    const c1 = text.charCodeAt(start + 1); // `~/`, and the directory stack `~+`, `~-`
    return c1 === 47 || c1 === 43 || c1 === 45;
  }
  const letter = (c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90);
  return (letter || c0 === 39 || c0 === 34 || c0 === 46) && isCommandWord(wordAt(text, start));
}

/**
 * One pass that rules out almost every benign value before the shell parser runs: true when the value has
 * a separator before a command, a substitution or `$` expansion, a redirection, a brace list, an escaped
 * letter, `%VAR%`, a quote inside a command name, or opens with a command, a binary path or batch `for`/`if`.
 * @example mayHoldCommand('hello world') // false
 */
export function mayHoldCommand(text: string): boolean {
  if (text.length === 0) return false;
  if (opensWithCommand(text)) return true;
  let checkedWord = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) continue;
    const kind = CLASS[c]!;
    if (kind === 0) continue;
    const next = text.charCodeAt(i + 1);
    switch (kind) {
      case SEPARATOR:
        if (commandAt(text, i + 1)) return true;
        break;
      case DOLLAR:
        if (next < 128 && EXPANSION[next] === 1) return true;
        break;
      case ANGLE: // `<(`, `>(`, `>&`, `<<<`, `>>`, `> /x`, `<!--#exec`, `<esi:`
        if (next === 40 || next === 38 || next === 60 || next === 62 || next === 47) return true;
        if (next === 32 && text.charCodeAt(i + 2) === 47) return true;
        if (c === 60 && next === 33 && text.startsWith('<!--#', i)) return true;
        // `<esi:include`: an Edge Side Includes tag.
        if (c === 60 && (next | 0x20) === 101 && text.slice(i + 1, i + 5).toLowerCase() === 'esi:')
          return true;
        break;
      case BRACE: // `{a,b}`
        if (text.indexOf(',', i) > i && text.indexOf('}', i) > i) return true;
        break;
      case BACKSLASH: // `c\at`
        if (isWordChar(next)) return true;
        break;
      case PERCENT: // `%COMSPEC%`
        if (((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) && text.indexOf('%', i + 2) > i)
          return true;
        break;
      case QUOTE: {
        // `'i'fconfig`, `c'a't`: a quote inside a word that is a command name once the quotes are gone.
        if (i === 0 || !isWordChar(text.charCodeAt(i - 1))) break;
        const from = wordStart(text, i);
        if (from !== checkedWord && isCommandWord(wordAt(text, from))) return true;
        checkedWord = from;
        break;
      }
      case PAREN: // `f(){` of a shell function
        if (next === 41) return true;
        break;
    }
  }
  return false;
}
