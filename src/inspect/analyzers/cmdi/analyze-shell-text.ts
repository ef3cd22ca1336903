import { findBatch } from './batch-syntax.js';
import { type CommandSuspicion, isCodeSpan, isMultilineProse, judgeCommand } from './judge-command.js';
import { KNOWN_COMMANDS } from './known-commands.js';
import { maskMarkup } from './mask-markup.js';
import { parseShell } from './parse-shell.js';
import { isGlobbedSensitive } from './sensitive-arg.js';
import { findForkBomb, findSsi } from './special-forms.js';

const CHAIN_BONUS = 0.1;
const MAX_TERSE_TOKENS = 3;
const EMBEDDED_PAIR = /^[A-Za-z_][\w-]{0,31}=(?=[^\s=])/;
const REDIRECT_FIRST = /^[ \t]*[0-9]?>/;
const FILE_IN_DIRECTORY = /^\/[^/\s]+\/[^/\s]/;
// `~+`, `~-2/x`: the shell's directory-stack expansions, which spell the working directories.
const TILDE_STACK = /^[ \t]*~[+-]\d{0,2}(?:\/\S*)?[ \t\r\n]*$/;

function keep(out: CommandSuspicion[], s: CommandSuspicion | undefined): void {
  if (s === undefined) return;
  const i = out.findIndex((o) => o.rule === s.rule);
  if (i < 0) out.push(s);
  else if (s.confidence > out[i]!.confidence) out[i] = s;
}

// One reading of the value: bare, or after the application's opening quote (`prefix`).
function readAs(text: string, prefix: string, out: CommandSuspicion[], commandField: boolean): void {
  const source = prefix + text;
  const parse = parseShell(source);
  const shift = (s: CommandSuspicion): CommandSuspicion => ({
    ...s,
    start: Math.max(0, s.start - prefix.length),
    end: Math.max(0, s.end - prefix.length),
  });
  const found: CommandSuspicion[] = [];
  let hits = 0;
  // The value is one command line and nothing else (`ansible all -m ping`).
  const sole = commandField && prefix === '' && parse.commands.length === 1;
  for (const command of parse.commands) {
    // After an opening quote the value's first words are arguments of the application's own command.
    if (prefix !== '' && command.context === 'start') continue;
    const s = judgeCommand(command, source, 0, sole);
    const markdown = isCodeSpan(command, source);
    if (s !== undefined && s.confidence >= 0.4 && !markdown) hits++;
    if (s !== undefined) keep(found, shift(s));
    for (const word of command.words) {
      if (isGlobbedSensitive(word.text)) {
        keep(found, shift({ rule: 'cmdi/glob-path', confidence: 0.95, start: word.start, end: word.end }));
      }
    }
  }
  for (const s of found) {
    // Two or more commands strung together by shell operators is shell code, not prose.
    const chained = hits >= 2 && s.rule !== 'cmdi/shell-command' && s.confidence >= 0.6;
    keep(out, chained ? { ...s, confidence: Math.min(1, s.confidence + CHAIN_BONUS) } : s);
  }
  const whole = (rule: string, confidence: number) =>
    keep(out, { rule, confidence, start: 0, end: text.length });
  if (parse.ifs) whole('cmdi/ifs-evasion', 0.9);
  // ``` `` ``` in a post of several lines is Markdown's double-backtick code span, not an empty command.
  if (parse.emptySubstitution && !isMultilineProse(source)) whole('cmdi/empty-substitution', 0.9);
  if (parse.paramTrick || parse.arithmetic)
    whole('cmdi/shell-expansion', parse.strongExpansion && isTerse(text) ? 0.9 : 0.6);
  const only = sole ? parse.commands[0]! : undefined;
  // `>/tmp/x`: a value that is nothing but a redirection writes a file of the attacker's choosing.
  if (only !== undefined && only.words.length === 0 && REDIRECT_FIRST.test(text)) {
    if (only.redirects.some((r) => r.op.includes('>') && FILE_IN_DIRECTORY.test(r.target)))
      whole('cmdi/redirection', 0.9);
  }
}

const LIST_ITEM = /^[\w.-]{1,64}$/;
const MIN_LIST_ITEMS = 3;

/**
 * `fields=id;name;type`, `cols=title|date|id`: three or more bare words joined by one separator are a list
 * of names, whatever words it holds — unless one of them is a command that is no word (`id;whoami;uname`).
 * A command alone after one word (`a;id`) is not a list.
 */
function isWordList(text: string): boolean {
  const sep = text.includes(';') ? ';' : text.includes('|') ? '|' : '';
  if (sep === '') return false;
  const items = text.split(sep);
  if (items.length < MIN_LIST_ITEMS) return false;
  for (const raw of items) {
    const item = raw.trim();
    if (!LIST_ITEM.test(item) || KNOWN_COMMANDS.get(item.toLowerCase())?.tier === 1) return false;
  }
  return true;
}

function quotedWhole(text: string): string | undefined {
  const q = text[0];
  if ((q !== '"' && q !== "'") || text.length < 4 || text[text.length - 1] !== q) return undefined;
  const inner = text.slice(1, -1);
  return inner.includes(q) || !inner.includes(' ') ? undefined : inner;
}

// A few tokens at most: shell code on its own, not a sentence quoting some.
function isTerse(text: string): boolean {
  let tokens = 1;
  for (let i = 1; i < text.length && tokens <= MAX_TERSE_TOKENS; i++) {
    if (text.charCodeAt(i) === 32 && text.charCodeAt(i - 1) !== 32) tokens++;
  }
  return tokens <= MAX_TERSE_TOKENS;
}

/**
 * Every command-injection suspicion in one spelling of a value: the shell readings (bare, after `'`,
 * after `"`), Windows batch statements, SSI directives and fork bombs; at most one per rule.
 * `commandField`: the value is not in a free-text field, so a whole value that is one command line counts.
 */
export function analyzeShellText(value: string, commandField = true): CommandSuspicion[] {
  const text = maskMarkup(value);
  const out: CommandSuspicion[] = [];
  if (isWordList(text)) return out;
  readAs(text, '', out, commandField);
  if (text.includes("'")) readAs(text, "'", out, commandField);
  if (text.includes('"')) readAs(text, '"', out, commandField);
  // `"cscli alerts list"`: a command line quoted whole, as `eval` or `sh -c` would be handed it.
  const inner = quotedWhole(text);
  if (inner !== undefined) readAs(inner, '', out, commandField);
  // `cmd=a=adduse[r];$a x`: a `name=` pair inside the value, which the application splits off first.
  const pair = EMBEDDED_PAIR.exec(text);
  if (pair !== null) readAs(text.slice(pair[0].length), '', out, commandField);
  keep(out, findBatch(text));
  keep(out, findSsi(text));
  keep(out, findForkBomb(text));
  if (TILDE_STACK.test(text)) {
    keep(out, { rule: 'cmdi/shell-expansion', confidence: 0.9, start: 0, end: text.length });
  }
  return out;
}
