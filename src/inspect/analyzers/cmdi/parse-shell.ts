import { readDollar } from './read-dollar.js';
import type { CommandContext, ShellCommand, ShellParse, ShellWord } from './shell-syntax.js';
import { WordDraft } from './word-draft.js';

const MAX_DEPTH = 6;
const MAX_COMMANDS = 64;

/** Parser state shared by the readers: the text, the cursor, variables assigned so far, nesting. */
export interface ShellState {
  readonly s: string;
  i: number;
  readonly parse: ShellParse;
  readonly env: Map<string, string>;
  depth: number;
  /** A word with text was seen at the top level: later operators do not open the value. */
  sawContent: boolean;
  /** The word being read is the first of its command. */
  atCommandWord: boolean;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}

// Characters that end an unquoted word.
function endsWord(c: string): boolean {
  return (
    c === ' ' ||
    c === '\t' ||
    c === '\n' ||
    c === '\r' ||
    c === ';' ||
    c === '&' ||
    c === '|' ||
    c === '(' ||
    c === ')'
  );
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]{0,31}=/;

function readSingleQuoted(st: ShellState, w: WordDraft): void {
  const close = st.s.indexOf("'", st.i + 1);
  const end = close < 0 ? st.s.length : close;
  w.quotedPiece(st.s.slice(st.i + 1, end), close < 0);
  st.i = close < 0 ? end : close + 1;
}

function readDoubleQuoted(st: ShellState, w: WordDraft): void {
  const { s } = st;
  st.i++;
  let text = '';
  while (st.i < s.length && s[st.i] !== '"') {
    const c = s[st.i]!;
    if (c === '\\' && '$`"\\\n'.includes(s[st.i + 1] ?? '')) {
      text += s[st.i + 1];
      st.i += 2;
    } else if (c === '`' && s.startsWith('```', st.i)) {
      // A Markdown code fence, not three substitutions.
      text += '```';
      st.i += 3;
    } else if (c === '$' || c === '`') {
      // `"`id`"` puts a command where one goes; a backtick pair further into a quoted text (a quote the
      // reading opened in prose) is a code span.
      const atCommandWord = st.atCommandWord;
      st.atCommandWord = atCommandWord && text === '' && w.isEmpty();
      const value = c === '$' ? readDollar(st, true) : readSubstitution(st, '`');
      st.atCommandWord = atCommandWord;
      if (value === undefined) {
        text += c;
        st.i++;
      } else {
        text += value;
        w.expandedPiece(value);
      }
    } else {
      text += c;
      st.i++;
    }
  }
  const unterminated = st.i >= s.length;
  if (!unterminated) st.i++;
  w.quotedPiece(text, unterminated);
}

/** Reads a `$(…)`, `` `…` ``, `<(…)` or `>(…)` body as a nested command list; its output is unknown (''). */
export function readSubstitution(st: ShellState, close: ')' | '`'): string {
  const open = st.i;
  st.i += close === '`' ? 1 : 2;
  const before = st.parse.commands.length;
  const atCommandWord = st.atCommandWord;
  parseList(st, close, 'substitution', close === '`' ? '`' : '$(', atCommandWord);
  st.atCommandWord = atCommandWord;
  // `<()` and `>()` name a pipe, empty or not (`Map<string, number>()` is TypeScript); backticks around
  // nothing but blanks or separators (`` `a`; `b` ``) pair two code spans of a text the wrong way round.
  const empty = st.parse.commands.length === before;
  if (empty && (close === ')' ? st.s[open] === '$' : st.i === open + 2 && !delimitsSpan(st.s, open, st.i))) {
    st.parse.emptySubstitution = true;
  }
  return '';
}

const BLANK = /\s/;
const SPAN_END = /[\s.,;:!?)]/;

// ``` ``a `b` c`` ```: Markdown writes a code span holding backticks between doubled backticks, an opening
// pair before a word and a closing pair after one. An empty pair anywhere else (`` c``at ``, `` call`` ``,
// `` !!`` ``) is an empty substitution.
function delimitsSpan(s: string, open: number, after: number): boolean {
  const before = s[open - 1];
  const next = s[after];
  if (
    (before === undefined || BLANK.test(before) || before === '(') &&
    next !== undefined &&
    !BLANK.test(next)
  )
    return s.indexOf('``', after) > 0;
  if (before !== undefined && !BLANK.test(before) && (next === undefined || SPAN_END.test(next)))
    return s.lastIndexOf('``', open - 1) >= 0;
  return false;
}

// Reads one word (or several, when an unquoted expansion holds blanks) into `out`.
function readWords(st: ShellState, terminator: string, out: ShellWord[]): void {
  const { s } = st;
  let w = new WordDraft(st.i);
  while (st.i < s.length) {
    const c = s[st.i]!;
    if ((c === '<' || c === '>') && s[st.i + 1] === '(') {
      w.expandedPiece(readSubstitution(st, ')'));
      continue;
    }
    if (endsWord(c) || c === '<' || c === '>' || (c === terminator && terminator !== '}')) break;
    if (c === '}' && terminator === '}' && w.isEmpty()) break;
    if (c === '`' && s.startsWith('```', st.i)) {
      // A Markdown code fence, not three substitutions.
      w.literal('```');
      st.i += 3;
    } else if (c === '`') w.expandedPiece(readSubstitution(st, '`'));
    else if (c === "'") readSingleQuoted(st, w);
    else if (c === '"') readDoubleQuoted(st, w);
    else if (c === '\\') {
      const next = s[st.i + 1];
      if (next === '\n') st.i += 2;
      else if (next === undefined) st.i++;
      else {
        w.escaped(next);
        st.i += 2;
      }
    } else if (c === '$') {
      const value = readDollar(st, false);
      if (value === undefined) {
        w.literal('$');
        st.i++;
      } else {
        // Unquoted expansions are split at blanks (`$IFS`, `c4=\ ` then `$c1$c4…`).
        const fields = value.split(/[ \t\n]+/);
        w.expandedPiece(fields[0]!);
        for (let f = 1; f < fields.length; f++) {
          const done = w.finish(st.i);
          if (done !== undefined) out.push(done);
          w = new WordDraft(st.i);
          if (fields[f] !== '') w.expandedPiece(fields[f]!);
        }
      }
    } else {
      w.literal(c);
      st.i++;
    }
  }
  const done = w.finish(st.i);
  if (done !== undefined) out.push(done);
}

function readRedirect(st: ShellState, command: ShellCommand, terminator: string): void {
  const { s } = st;
  let op = s[st.i]!;
  st.i++;
  while (st.i < s.length && op.length < 3 && '<>&|'.includes(s[st.i]!)) op += s[st.i++];
  while (st.i < s.length && isBlank(s[st.i]!)) st.i++;
  const targets: ShellWord[] = [];
  // A redirection names a file: a backtick pair there is no command word (`> \`npm i x\`` quotes code).
  const atCommandWord = st.atCommandWord;
  st.atCommandWord = false;
  readWords(st, terminator, targets);
  st.atCommandWord = atCommandWord;
  command.redirects.push({ op, target: targets.map((t) => t.text).join(' ') });
}

function newCommand(
  st: ShellState,
  context: CommandContext,
  operator: string,
  start: number,
  commandPosition: boolean,
): ShellCommand {
  const leading = !st.sawContent && operator !== '';
  return { words: [], context, operator, start, leading, commandPosition, redirects: [] };
}

function push(st: ShellState, command: ShellCommand): void {
  if ((command.words.length > 0 || command.redirects.length > 0) && st.parse.commands.length < MAX_COMMANDS) {
    st.parse.commands.push(command);
  }
}

function separator(
  s: string,
  i: number,
): { op: string; context: CommandContext; length: number } | undefined {
  const c = s[i]!;
  const next = s[i + 1];
  if (c === '\n' || c === '\r')
    return { op: '\n', context: 'separator', length: c === '\r' && next === '\n' ? 2 : 1 };
  if (c === ';') return { op: ';', context: 'separator', length: next === ';' ? 2 : 1 };
  if (c === '&') {
    if (next === '>') return undefined;
    return next === '&'
      ? { op: '&&', context: 'separator', length: 2 }
      : { op: '&', context: 'separator', length: 1 };
  }
  if (c === '|') {
    if (next === '|') return { op: '||', context: 'separator', length: 2 };
    return { op: '|', context: 'pipe', length: next === '&' ? 2 : 1 };
  }
  return undefined;
}

// The command words of `command` so far are all assignments; `word` may be one more.
function takeAssignment(st: ShellState, command: ShellCommand, word: ShellWord): boolean {
  if (command.words.length > 0 || !ASSIGNMENT.test(word.text)) return false;
  const eq = word.text.indexOf('=');
  st.env.set(word.text.slice(0, eq), word.text.slice(eq + 1));
  return true;
}

/**
 * Parses a command list up to `terminator` (`)`, `` ` ``, `}` or end of text), recording every simple
 * command, nested ones included, in `st.parse.commands`.
 */
export function parseList(
  st: ShellState,
  terminator: string,
  context: CommandContext,
  operator: string,
  commandPosition = true,
): void {
  const { s } = st;
  if (st.depth >= MAX_DEPTH) {
    st.i = s.length;
    return;
  }
  st.depth++;
  let command = newCommand(st, context, operator, st.i, commandPosition);
  while (st.i < s.length) {
    const c = s[st.i]!;
    if (isBlank(c) || (c === '\\' && s[st.i + 1] === '\n')) {
      st.i += c === '\\' ? 2 : 1;
      continue;
    }
    if (c === terminator) {
      st.i++;
      break;
    }
    const sep = separator(s, st.i);
    if (sep !== undefined) {
      push(st, command);
      command = newCommand(st, sep.context, sep.op, st.i, true);
      st.i += sep.length;
      continue;
    }
    if (c === '#') {
      const nl = s.indexOf('\n', st.i);
      st.i = nl < 0 ? s.length : nl;
    } else if (c === '(' || (c === '{' && isBlank(s[st.i + 1] ?? ''))) {
      st.i++;
      parseList(st, c === '(' ? ')' : '}', 'group', c, command.words.length === 0);
    } else if (c === ')') st.i++;
    else if ((c === '<' || c === '>') && s[st.i + 1] !== '(') readRedirect(st, command, terminator);
    else if (c === '&' && s[st.i + 1] === '>') readRedirect(st, command, terminator);
    else if (/[0-9]/.test(c) && /^[0-9]{1,2}[<>]/.test(s.slice(st.i, st.i + 3)) && s[st.i + 1] !== '(') {
      st.i += s[st.i + 1] === '<' || s[st.i + 1] === '>' ? 1 : 2;
      readRedirect(st, command, terminator);
    } else {
      const words: ShellWord[] = [];
      const before = st.i;
      st.atCommandWord = command.words.length === 0;
      readWords(st, terminator, words);
      for (const word of words) {
        if (takeAssignment(st, command, word)) continue;
        command.words.push(word);
        if (st.depth === 1 && word.text !== '') st.sawContent = true;
      }
      if (st.i === before) st.i++; // never stall on a character no reader takes
    }
  }
  push(st, command);
  st.depth--;
}

/**
 * Parses a value as a POSIX/bash command line: words with quotes, escapes and expansions resolved (unset
 * variables expand to nothing, as in the shell), separators, pipes, groups, substitutions and redirections.
 * @example parseShell("a;c'a't /etc/passwd").commands[1]?.words[0]?.text // 'cat'
 */
export function parseShell(text: string): ShellParse {
  const parse: ShellParse = {
    commands: [],
    ifs: false,
    paramTrick: false,
    arithmetic: false,
    strongExpansion: false,
    emptySubstitution: false,
  };
  const st: ShellState = {
    s: text,
    i: 0,
    parse,
    env: new Map(),
    depth: 0,
    sawContent: false,
    atCommandWord: true,
  };
  parseList(st, '', 'start', '');
  return parse;
}
