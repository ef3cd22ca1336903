import { KNOWN_COMMANDS } from './known-commands.js';

const MAX_WORD = 24;

// Shell operators that may introduce a command.
const SEPARATOR = new Uint8Array(128);
for (const ch of ';|&`\n\r') SEPARATOR[ch.charCodeAt(0)] = 1;
// After an operator, these open something that is never text: a path, an expansion, a group.
const OPENER = new Uint8Array(128);
for (const ch of '/$`{\\~%.!<>') OPENER[ch.charCodeAt(0)] = 1;

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

// The first word, quotes and backslashes dropped (`'i'fconfig` → `ifconfig`), lower-cased; '' if too long.
function firstWord(text: string): string {
  let word = '';
  for (let i = 0; i < text.length && word.length <= MAX_WORD; i++) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 34 || c === 92) continue;
    if (!isWordChar(c)) break;
    word += text[i];
  }
  return word.length > MAX_WORD ? '' : word.toLowerCase();
}

function knownName(word: string): boolean {
  if (KNOWN_COMMANDS.has(word)) return true;
  // `cmd.exe`, `python3.10`: drop the extension or the version.
  let end = word.endsWith('.exe') ? word.length - 4 : word.length;
  while (
    end > 0 &&
    ((word.charCodeAt(end - 1) >= 48 && word.charCodeAt(end - 1) <= 57) || word[end - 1] === '.')
  )
    end--;
  return end < word.length && KNOWN_COMMANDS.has(word.slice(0, end));
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
  if (c < 128 && OPENER[c] === 1) return true;
  const word = firstWord(text.slice(j, j + 64));
  return word !== '' && (knownName(word) || word === 'for' || word === 'if');
}

// The word around a quote inside it, quotes dropped: `c'a't` → `cat`.
function wordAround(text: string, i: number): string {
  let from = i;
  while (
    from > 0 &&
    i - from < MAX_WORD &&
    (isWordChar(text.charCodeAt(from - 1)) ||
      text.charCodeAt(from - 1) === 39 ||
      text.charCodeAt(from - 1) === 34)
  )
    from--;
  return firstWord(text.slice(from, from + 64));
}

/**
 * One pass that rules out almost every benign value before the shell parser runs: true when the value has
 * a separator, substitution, `$` expansion, redirection, brace list, escaped letter or `%VAR%`, starts
 * with a path or a known command, or opens a batch `for`/`if`.
 * @example mayHoldCommand('hello world') // false
 */
export function mayHoldCommand(text: string): boolean {
  if (text.length === 0) return false;
  let start = 0;
  while (start < text.length && (text[start] === ' ' || text[start] === '(')) start++;
  const c0 = text.charCodeAt(start);
  if (c0 === 47 || c0 === 123 || c0 === 126) return true; // `/bin/…`, `{cat,…}`, `~/…`
  const word = firstWord(text.slice(start, start + 64));
  if (word !== '' && (knownName(word) || word === 'for' || word === 'if')) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) continue;
    if (SEPARATOR[c] === 1) {
      if (commandAt(text, i + 1)) return true;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    switch (c) {
      case 36: // `$(`, `${`, `$[`, `$x`, `$'…'`, `$@`…
        if (next === 40 || next === 123 || next === 91 || next === 39 || next === 34 || next === 95)
          return true;
        if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) return true;
        if (
          next === 64 ||
          next === 42 ||
          next === 35 ||
          next === 63 ||
          next === 33 ||
          next === 36 ||
          next === 45
        )
          return true;
        break;
      case 40: // `f(){` of a shell function
        if (next === 41) return true;
        break;
      case 60: // `<(`, `<<<`, `< /x`, `<!--#exec`
      case 62: // `>(`, `>&`, `>>`, `> /x`
        if (next === 40 || next === 38 || next === 60 || next === 62 || next === 47) return true;
        if (c === 60 && next === 33 && text.startsWith('<!--#', i)) return true;
        if (next === 32 && text.charCodeAt(i + 2) === 47) return true;
        break;
      case 123: // `{a,b}`
        if (text.indexOf(',', i) > i && text.indexOf('}', i) > i) return true;
        break;
      case 92: // `c\at`
        if (isWordChar(next)) return true;
        break;
      case 37: // `%COMSPEC%`
        if (((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) && text.indexOf('%', i + 2) > i)
          return true;
        break;
      case 39: // `'i'fconfig`, `c'a't`: a quote inside a command name
      case 34:
        if (i > 0 && isWordChar(text.charCodeAt(i - 1)) && knownName(wordAround(text, i))) return true;
        break;
    }
  }
  return false;
}
