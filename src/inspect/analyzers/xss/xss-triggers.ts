import { isDigit, isIdentChar, isLetter, isSpace } from './char-class.js';
import { mayEndScheme } from './script-scheme.js';
import { spelledTagAt } from './spelled-tag.js';

/** Which XSS checks a text needs; the scan that sets them is the whole cost of an ordinary value. */
export const TRIGGER = Object.freeze({
  markup: 1,
  scheme: 2,
  js: 4,
  handler: 8,
  template: 16,
  css: 32,
  utf7: 64,
  wide: 128,
  jsfuck: 256,
  sevenBit: 512,
  comments: 1024,
  references: 2048,
});

// Words (lower-cased) before `(` or a backtick that make a call worth reading: sinks and CSS functions.
const CALL_WORDS: ReadonlySet<string> = new Set(
  (
    'alert prompt confirm eval execscript msgbox settimeout setinterval setimmediate function constructor ' +
    'globaleval getscript importscripts fetch import fromcharcode atob btoa unescape insertadjacenthtml ' +
    'execcommand sendbeacon write writeln open assign replace navigate createelement appendchild ' +
    'queryselector getelementbyid postmessage call apply bind url expression activexobject'
  ).split(' '),
);
// Words before `.` or `[` that start a path to a sink (`document.cookie`, `self["alert"]`).
const OBJECT_WORDS: ReadonlySet<string> = new Set(
  'window self top parent globalthis frames opener content this document location navigation string reflect'.split(
    ' ',
  ),
);
// Words before `=` that assign a sink (`.innerHTML=`), and before `:` that start dangerous CSS.
const ASSIGNED_WORDS: ReadonlySet<string> = new Set([
  'location',
  'cookie',
  'domain',
  'href',
  'innerhtml',
  'outerhtml',
]);
const CSS_WORDS: ReadonlySet<string> = new Set(['binding', 'behavior', 'behaviour']);
// Sinks handed to another name after `=` (`a=eval;a(…)`, `{onerror=prompt}`) or as a callback
// (`[1].find(alert)`): matched in place (sticky), without slicing the word out.
const HANDED = /(?:alert|prompt|confirm|eval|execscript|settimeout|setinterval|function)(?![\w$])/iy;

function handedAt(s: string, at: number): boolean {
  HANDED.lastIndex = at;
  return HANDED.test(s);
}

// The handed word matched at `at` is closed right after by `)`.
const RPAREN = 41;

function calledBack(s: string, at: number): boolean {
  return s.charCodeAt(HANDED.lastIndex) === RPAREN && HANDED.lastIndex > at;
}

const LT = 60;
const GT = 62;
const COLON = 58;
const LPAREN = 40;
const BACKTICK = 96;
const EQ = 61;
const DOT = 46;
const LBRACKET = 91;
const LBRACE = 123;
const PLUS = 43;
const BANG = 33;
const AT = 64;
const BACKSLASH = 92;
const AMPERSAND = 38;
const SOURCE = /^\. ?source/;
// Character references that spell markup or a scheme's colon: worth a second decoding round.
const MARKUP_REFERENCES = ['lt;', 'gt;', 'colon;', 'quot;', 'apos;', 'tab;', 'newline;'];

function referenceAt(s: string, amp: number): boolean {
  if (s.charCodeAt(amp + 1) === 35)
    return isDigit(s.charCodeAt(amp + 2)) || (s.charCodeAt(amp + 2) | 0x20) === 120;
  for (const name of MARKUP_REFERENCES) {
    let k = 0;
    while (k < name.length && (s.charCodeAt(amp + 1 + k) | 0x20) === name.charCodeAt(k)) k++;
    if (k === name.length) return true;
  }
  return false;
}

// Allocation-free for most characters: a word is sliced only after a trigger character. Spaces and
// comments between the word and the character are skipped (`document /*x*/ .cookie`).
function wordBefore(s: string, at: number): string {
  let end = at;
  for (let hops = 0; hops < 3; hops++) {
    const stop = end - 4;
    while (end > 0 && end > stop && s.charCodeAt(end - 1) === 32) end--;
    if (s.charCodeAt(end - 1) !== 47 || s.charCodeAt(end - 2) !== 42) break;
    const open = s.lastIndexOf('/*', end - 3);
    if (open < 0 || end - open > 64) return '';
    end = open;
  }
  let start = end;
  while (start > 0 && end - start < 20 && isIdentChar(s.charCodeAt(start - 1))) start--;
  return end - start < 3 ? '' : s.slice(start, end).toLowerCase();
}

// `'ev'+'al'`, `!''&&'jav'`, `0||'ev'`: a string literal joined by an operator, the way code assembles a
// name a filter would see whole.
function joinsString(s: string, i: number, width: number): boolean {
  const before = s.charCodeAt(i - 1);
  const after = s.charCodeAt(i + width);
  return before === 39 || before === 34 || after === 39 || after === 34;
}

// `x[a](` at `open`: a short bracketed name after a word or bracket, then a call.
function computedCallAt(s: string, open: number): boolean {
  const before = s.charCodeAt(open - 1);
  if (!isIdentChar(before) && before !== 41 && before !== 93) return false;
  const stop = Math.min(s.length, open + 17);
  for (let k = open + 2; k < stop; k++) if (s.charCodeAt(k) === 93) return s.charCodeAt(k + 1) === LPAREN;
  return false;
}

function isHexDigit(c: number): boolean {
  const lower = c | 0x20;
  return isDigit(c) || (lower >= 97 && lower <= 102);
}

function handlerBefore(s: string, eq: number): boolean {
  let end = eq;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start <= 48 && isLetter(s.charCodeAt(start - 1))) start--;
  if (end - start < 5 || (s.charCodeAt(start) | 0x20) !== 111 || (s.charCodeAt(start + 1) | 0x20) !== 110)
    return false;
  return start === 0 || !isDigit(s.charCodeAt(start - 1));
}

function markupTrigger(s: string, i: number): number {
  const next = s.charCodeAt(i + 1);
  if (next === BANG && (s.charCodeAt(i + 2) === 45 || s.charCodeAt(i + 2) === LBRACKET))
    return TRIGGER.markup | TRIGGER.comments;
  if (isLetter(next) || next === 47 || next === BANG || next === 63 || next === 0) return TRIGGER.markup;
  return spelledTagAt(s, i, Math.min(s.length, i + 64)) === undefined ? 0 : TRIGGER.markup;
}

function callTrigger(s: string, i: number, c: number): number {
  // `(alert)(1)` and `alert?.(1)` call the word before the `)` or `?.`.
  const before = s.charCodeAt(i - 1);
  const at = before === 41 ? i - 1 : before === DOT && s.charCodeAt(i - 2) === 63 ? i - 2 : i;
  const word = wordBefore(s, at);
  if (CALL_WORDS.has(word)) return word === 'url' || word === 'expression' ? TRIGGER.css : TRIGGER.js;
  // `[1].find(alert)`: a sink handed over as a callback.
  return c === LPAREN && isLetter(s.charCodeAt(i + 1)) && handedAt(s, i + 1) && calledBack(s, i + 1)
    ? TRIGGER.js
    : 0;
}

function assignTrigger(s: string, i: number): number {
  if (handlerBefore(s, i)) return TRIGGER.handler;
  if (s.charCodeAt(i + 1) === EQ) return 0;
  if (isLetter(s.charCodeAt(i + 1)) && handedAt(s, i + 1)) return TRIGGER.js;
  const word = wordBefore(s, i);
  if (word === 'formaction') return TRIGGER.handler;
  return ASSIGNED_WORDS.has(word) ? TRIGGER.js : 0;
}

function memberTrigger(s: string, i: number): number {
  // `/loc/.source`: a regular expression's text, a piece of an assembled name.
  if (s.charCodeAt(s.charCodeAt(i - 1) === 32 ? i - 2 : i - 1) === 47 && SOURCE.test(s.slice(i, i + 8)))
    return TRIGGER.js;
  return OBJECT_WORDS.has(wordBefore(s, i)) ? TRIGGER.js : 0;
}

function bracketTrigger(s: string, i: number): number {
  if (OBJECT_WORDS.has(wordBefore(s, i))) return TRIGGER.js;
  const before = s.charCodeAt(i - 1);
  if (before === BANG) return TRIGGER.jsfuck;
  // `(document)["cookie"]`: a string index on a parenthesized object.
  if (before === 41 && (s.charCodeAt(i + 1) === 34 || s.charCodeAt(i + 1) === 39)) return TRIGGER.js;
  // `1[__+_](…)`: a member picked by a computed name and called.
  return computedCallAt(s, i) ? TRIGGER.js : 0;
}

function plusTrigger(s: string, i: number): number {
  if (joinsString(s, i, 1)) return TRIGGER.js;
  return s.charCodeAt(i + 1) === 65 && s.charCodeAt(i + 2) === 68 ? TRIGGER.utf7 : 0; // +AD: UTF-7 for < > "
}

function ampersandTrigger(s: string, i: number): number {
  if (s.charCodeAt(i + 1) === AMPERSAND && joinsString(s, i, 2)) return TRIGGER.js;
  return referenceAt(s, i) ? TRIGGER.references : 0;
}

function triggerAt(s: string, i: number, c: number): number {
  switch (c) {
    case LT:
      return markupTrigger(s, i);
    case GT:
      // `-->` closes a comment the page opened.
      return s.charCodeAt(i - 1) === 45 && s.charCodeAt(i - 2) === 45 ? TRIGGER.markup : 0;
    case COLON:
      if (mayEndScheme(s, i)) return TRIGGER.scheme;
      return CSS_WORDS.has(wordBefore(s, i)) ? TRIGGER.css : 0;
    case LPAREN:
    case BACKTICK:
      return callTrigger(s, i, c);
    case EQ:
      return assignTrigger(s, i);
    case DOT:
      return memberTrigger(s, i);
    case LBRACKET:
      return bracketTrigger(s, i);
    case LBRACE:
      return s.charCodeAt(i + 1) === LBRACE || s.charCodeAt(i - 1) === 36 ? TRIGGER.template : 0;
    case PLUS:
      return plusTrigger(s, i);
    case AT:
      return s.startsWith('import', i + 1) ? TRIGGER.css : 0;
    case AMPERSAND:
      return ampersandTrigger(s, i);
    case BACKSLASH:
      // `\u0061lert(1)`: an identifier escape hides a sink from the word checks.
      return s.charCodeAt(i + 1) === 117 &&
        (isHexDigit(s.charCodeAt(i + 2)) || s.charCodeAt(i + 2) === LBRACE)
        ? TRIGGER.js
        : 0;
    default:
      return 0;
  }
}

// A `<` spelled otherwise: fullwidth or small (`＜`, `﹤`), or `¼`, which is `<` once the high bit is
// dropped (a page read as US-ASCII sees a tag in `¼script¾`).
function otherBracket(s: string, i: number, c: number): number {
  if (c !== 0xbc) return TRIGGER.wide;
  const next = s.charCodeAt(i + 1);
  return isLetter(next) || next === 47 ? TRIGGER.sevenBit : 0;
}

const INTERESTING = new Uint8Array(128);
for (const c of [LT, GT, COLON, LPAREN, BACKTICK, EQ, DOT, LBRACKET, LBRACE, PLUS, AT, BACKSLASH, AMPERSAND])
  INTERESTING[c] = 1;

/**
 * One pass over the first `end` characters that says which checks the text needs, 0 for ordinary values
 * (words, numbers, ids, e-mails, dates, URLs, base64): only a markup start, a script scheme, a sink word
 * before a call or assignment, an `on…=`, a template opener or an encoding trick sets a flag.
 * @example xssTriggers('hello world', 11) // 0
 */
export function xssTriggers(s: string, end: number): number {
  let flags = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (INTERESTING[c] === 1) flags |= triggerAt(s, i, c);
    } else if (c === 0xff1c || c === 0xfe64 || c === 0xbc) flags |= otherBracket(s, i, c);
  }
  return flags;
}
