import { type ArgShape, argShape } from './arg-shape.js';
import { type CommandInfo, KNOWN_COMMANDS, WINDOWS_COMMANDS, WINDOWS_VERBS } from './known-commands.js';
import { parseShell } from './parse-shell.js';
import { resolveName } from './resolve-name.js';
import { sensitiveArg } from './sensitive-arg.js';
import type { ShellCommand, ShellWord } from './shell-syntax.js';

/** A command-injection suspicion about one command of a value. */
export interface CommandSuspicion {
  readonly rule: string;
  readonly confidence: number;
  readonly start: number;
  readonly end: number;
}

// Base confidence by tier, by whether an operator introduced the command, and by how its arguments read.
const INTRODUCED: Readonly<Record<1 | 2, Readonly<Record<ArgShape, number>>>> = {
  1: { none: 1, shell: 1, plain: 0.9, prose: 0.3 },
  2: { none: 0.9, shell: 0.9, plain: 0.35, prose: 0 },
};
// The value opens with the operator (`;id`, `|cat x`): a floor whatever the arguments look like.
const LEADING: Readonly<Record<1 | 2, Readonly<Record<ArgShape, number>>>> = {
  1: { none: 1, shell: 1, plain: 1, prose: 0.9 },
  2: { none: 1, shell: 1, plain: 0.8, prose: 0.6 },
};
const BARE: Readonly<Record<1 | 2, Readonly<Record<ArgShape, number>>>> = {
  1: { none: 0.3, shell: 0.9, plain: 0.6, prose: 0.2 },
  2: { none: 0, shell: 0.6, plain: 0, prose: 0 },
};

const INLINE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  shell: ['-c', '/c', '/k', '-command', '-enc', '-encodedcommand', '-ec', '-e'],
  interpreter: ['-c', '-e', '-r', '-p'],
};
// A separator after the command with something after it (a trailing newline or `;` alone proves nothing).
const FOLLOWED_BY_COMMAND = /^[ \t]*(?:;|\||&&|\n)[ \t\r\n;]*[^ \t\r\n;]/;
const PIPE_OPEN = /^[ \t]*\|[ \t]*$/;
const TRAILING_COMMENT = /^[ \t]+#/;
const SHELLS_RUN_BY_FIND = new Set(['-exec', '-execdir', '-ok', '-okdir']);
const RUN_QUOTED_SCRIPTS = new Set(['trap', 'eval', 'at', 'watch', 'su', 'ssh', 'timeout']);
const MAX_INNER = 4;
const MAX_SOLE_ARGS = 6;
// What only a command line holds: a short option (`-o`, `-xzf`; `-based` is a suffix), a long one
// (`--version`), or a path in a system directory (`/var/www`; `/news/latest` is a page).
const OPTION_OR_PATH =
  /^(?:-[a-z][a-z0-9]{0,2}|--[a-z][a-z0-9-]+(?:=\S*)?|~\/\S*|\/(?:etc|var|usr|bin|sbin|tmp|home|root|opt|proc|dev|sys|srv|lib|lib64|mnt|boot|run)(?:\/\S*)?)$/i;
const ALIAS = /^[^=\s]+=/;

/** Whether every globbed path among the arguments is the text of a Markdown link (`[a/b.js](a/b.js)`). */
function linksOnly(command: ShellCommand, source: string): boolean {
  return command.words.every((w, i) => {
    if (i === 0 || !w.text.includes('/') || !/[*?[]/.test(w.text)) return true;
    const raw = source.slice(w.start, w.end);
    return raw.startsWith('[') && raw.endsWith(']') && source[w.end] === '(';
  });
}
// What only a cmd.exe command line holds: a switch (`/ADD`, `/v`, `/t:REG_DWORD`), a drive or UNC path, an
// environment variable, a registry root.
const SWITCH = /^\/[a-z?]{1,12}(?::\S*)?$/i;
const WINDOWS_ARG = /^(?:\/[a-z?]{1,12}(?::\S*)?|[a-z]:\\|\\\\\w|%\w+%|"?hk(?:lm|cu|cr|u|cc|ey_\w+)\\)/i;
// A shell's binary handed to a command (`nc -e /bin/sh`, `socat … exec:/bin/bash`): it runs a shell.
const SHELL_BINARY =
  /(?:^|:|=|\/)(?:usr\/)?bin\/(?:ba|da|z|k|c|tc|a)?sh$|(?:^|\\)(?:cmd|powershell|pwsh)\.exe$/i;
// `rc x.sh`, `python run.py`: a shell or an interpreter handed a script file.
const SCRIPT_FILE = /^[\w./-]{1,64}\.(?:sh|bash|py|pl|rb|php|js|lua|ps1|bat|cmd)$/i;

function hasInlineScript(info: CommandInfo, args: readonly string[]): boolean {
  const flags = info.role === undefined ? undefined : INLINE_FLAGS[info.role];
  if (flags === undefined) return false;
  return args.some((a) => flags.includes(a.toLowerCase()) || /^-[a-z]*c$/.test(a));
}

// The command that `nohup`, `time`, `find -exec`, `xargs`... run: the first argument that is a command.
function innerCommand(name: string, info: CommandInfo, words: readonly ShellWord[], source: string): number {
  if (name === 'find') {
    const exec = words.findIndex((w) => SHELLS_RUN_BY_FIND.has(w.text));
    return exec >= 0 && exec + 1 < words.length ? exec + 1 : -1;
  }
  if (info.role !== 'prefix') return -1;
  for (let i = 1; i < words.length && i <= MAX_INNER; i++) {
    if (words[i]!.text.startsWith('-')) continue;
    if (resolveName(words[i]!, source).info !== undefined) return i;
  }
  return -1;
}

// `sh -c 'id'`: the script a shell is handed runs as a substitution would.
function judgeInline(words: readonly ShellWord[], depth: number): number {
  const flag = words.findIndex((w, i) => i > 0 && /^[-/][a-z]*c(?:ommand)?$/i.test(w.text));
  const script = flag > 0 ? words[flag + 1]?.text : undefined;
  return script === undefined ? 0 : judgeScript(script, depth);
}

// `trap 'rm -rf x' EXIT`, `at 2:00 "echo x"`, `eval "id"`: a quoted argument that these run as shell code.
function judgeQuotedScripts(words: readonly ShellWord[], source: string, depth: number): number {
  let best = 0;
  for (let i = 1; i < words.length && i <= MAX_INNER; i++) {
    const c = source[words[i]!.start];
    if (c === "'" || c === '"') best = Math.max(best, judgeScript(words[i]!.text, depth));
  }
  return best;
}

function judgeScript(script: string, depth: number): number {
  let best = 0;
  for (const command of parseShell(script).commands) {
    const found = judgeCommand({ ...command, context: 'substitution', operator: '-c' }, script, depth + 1);
    const tier =
      command.words[0] === undefined ? undefined : resolveName(command.words[0], script).info?.tier;
    if (found !== undefined)
      best = Math.max(best, tier === 1 ? found.confidence : Math.min(0.95, found.confidence));
  }
  return best;
}

// Several lines with sentences in them: a post or a message, where a line may hold a code example. Blank
// lines around one command (`%0a ping -i 30 127.0.0.1 %0a`) are no text.
export function isMultilineProse(source: string): boolean {
  let lines = 0;
  let blank = true;
  let spaces = 0;
  for (let i = 0; i < source.length && (lines < 2 || spaces < 4); i++) {
    const c = source.charCodeAt(i);
    if (c === 10) blank = true;
    else if (c === 32) spaces++;
    else if (c !== 9 && c !== 13 && blank) {
      blank = false;
      lines++;
    }
  }
  return lines >= 2 && (spaces >= 4 || source.includes('```'));
}

/**
 * Whether a backtick pair is Markdown code rather than a substitution: inside text, or anywhere in a
 * post of several lines (a line that is only `` `npm run build` `` shows a command, it does not run one).
 */
export function isCodeSpan(command: ShellCommand, source: string): boolean {
  if (command.operator !== '`') return false;
  return !command.commandPosition || isMultilineProse(source);
}

// The command an alias definition names (`ll='ls -l'` → `ls`).
function aliasedCommand(definition: string): boolean {
  const value = definition.slice(definition.indexOf('=') + 1).trim();
  const name = value.split(/[ \t]/, 1)[0]!.toLowerCase();
  return KNOWN_COMMANDS.has(name);
}

function ruleFor(command: ShellCommand, hidden: boolean): string {
  if (hidden) return 'cmdi/obfuscated-command';
  if (command.context === 'substitution') return 'cmdi/command-substitution';
  return command.context === 'start' || command.context === 'group'
    ? 'cmdi/shell-command'
    : 'cmdi/chained-command';
}

/**
 * Judges one parsed command: what it runs (resolved through paths, quotes, variables, braces and globs),
 * how it got there (value start, separator, pipe, substitution), and what its arguments look like.
 */
export function judgeCommand(
  command: ShellCommand,
  source: string,
  depth = 0,
  sole = false,
): CommandSuspicion | undefined {
  const end = command.words.length > 0 ? command.words[command.words.length - 1]!.end : command.start + 1;
  for (const r of command.redirects) {
    if (/^\/dev\/(?:tcp|udp)\//.test(r.target)) {
      return { rule: 'cmdi/reverse-shell', confidence: 1, start: command.start, end: end + r.target.length };
    }
  }
  const first = command.words[0];
  if (first === undefined) return undefined;
  const resolved = resolveName(first, source);
  const info = resolved.info;
  if (info === undefined) return undefined;
  // `.` and `source` read a file: with no file named they run nothing (`` `process.argv`. `` ends a sentence).
  if ((resolved.name === '.' || resolved.name === 'source') && command.words.length === 1) return undefined;
  const introduced =
    command.context === 'separator' || command.context === 'pipe' || command.context === 'substitution';
  const inner = depth < 2 ? innerCommand(resolved.name, info, command.words, source) : -1;
  if (inner > 0) {
    // `time id`, `nohup curl …`, `find -exec cat {}`: a command run by a command is shell structure.
    const nested: ShellCommand = {
      ...command,
      words: command.words.slice(inner),
      context: introduced ? command.context : 'separator',
    };
    const found = judgeCommand(nested, source, depth + 1);
    if (found === undefined) return undefined;
    const innerTier = resolveName(command.words[inner]!, source).info?.tier;
    // `nohup who`, `strace id`: a tool that only runs commands, handed one as a command line would.
    const runner = info.tier === 1 && found.confidence >= 0.8;
    let c = innerTier === 1 || runner || resolved.hidden ? 1 : found.confidence;
    // `find / -exec cat {} +`: the command runs on every file found, whatever it is.
    if (resolved.name === 'find') c = Math.max(c, 0.95);
    // `time who` as the whole value: two command names and nothing else.
    if (sole && nested.words.length === 1) c = Math.max(c, 0.9);
    const rule = resolved.hidden ? 'cmdi/obfuscated-command' : found.rule;
    return { ...found, rule, confidence: c, start: command.start };
  }
  // cmd.exe keeps backslashes: `type C:\WINNT\repair\SAM` is read as written, not as POSIX escapes.
  const windows = WINDOWS_COMMANDS.has(resolved.name);
  const args = [
    ...resolved.extra,
    ...command.words.slice(1).map((w) => (windows ? source.slice(w.start, w.end) : w.text)),
  ];
  // `time he came`: a prefix command whose arguments run nothing is a word in a sentence.
  if (info.role === 'prefix' && args.length > 0 && !args.some((a) => /^[-/]/.test(a))) return undefined;
  let shape = argShape(args);
  if (command.redirects.length > 0 && shape !== 'prose') shape = 'shell';
  if (windows && args.some((a) => WINDOWS_ARG.test(a))) shape = 'shell';
  // `; net view`, `| reg query x`: a value opening with an operator, then a cmd.exe tool and one of its verbs
  // (mid-text, `margin; net user growth` is finance).
  const verb = args[0]?.toLowerCase() ?? '';
  if (command.leading && shape === 'plain' && WINDOWS_VERBS.get(resolved.name)?.has(verb)) shape = 'shell';
  // `net user x y /add`, `reg add "HKLM\…" /v x /f`: a cmd.exe tool, one of its verbs and a `/switch`.
  const verbAndSwitch =
    windows && WINDOWS_VERBS.get(resolved.name)?.has(verb) === true && args.some((a) => SWITCH.test(a));
  // A backtick pair inside text is likely Markdown code (``run `ls -la` first``), not a substitution.
  const markdown = isCodeSpan(command, source);
  // A line break between lines of prose (a post with a code block) separates text as often as commands.
  const proseLine = command.operator === '\n' && isMultilineProse(source);
  // `x';id #`: a comment after the command cuts off the rest of the application's command line.
  const cutsRest = command.leading || TRAILING_COMMENT.test(source.slice(end, end + 8));
  const table = introduced && !markdown && !proseLine ? (cutsRest ? LEADING : INTRODUCED) : BARE;
  let c = table[info.tier][shape];
  // `ifconfig;…`, `cd /;cd etc;…`: a separator right after the command is as telling as one before it.
  const raw = source.slice(first.start, first.end);
  // `` `unref`ed timers ``, `` `Promise`s ``, `` * `/etc/${app}rc` ``: in a post of several lines a code span
  // (glued to letters or not) is Markdown, not a command name assembled or hidden by a substitution.
  if (resolved.hidden && (markdown || raw.includes('`')) && isMultilineProse(source)) return undefined;
  const capitalised = /^[A-Z][a-z]+$/.test(raw) && !resolved.hidden;
  const upper = raw === raw.toUpperCase() && /[A-Z]/.test(raw);
  const shouted = upper && !WINDOWS_COMMANDS.has(resolved.name);
  if (!introduced && !capitalised && FOLLOWED_BY_COMMAND.test(source.slice(end, end + 16))) {
    c = Math.max(c, INTRODUCED[info.tier][shape]);
  }
  // A sentence starts with a capital: `Cut orange quarters`, `Del Nuevo Mundo`, `Apt 5B; Main St.`; so
  // does a line of a post (`More examples could be found in [test/…](…)`).
  if (proseLine && capitalised) return undefined;
  // `* a bullet`, `*emphasis*`, `[a link](…)` opening a line of a post match command names only as globs.
  if (proseLine && resolved.globbed) return undefined;
  // So does `*name of metric*` anywhere in a post of several lines: a bare pattern with no directory is
  // emphasis there, not a command found by globbing (`/???/??t` still is one).
  if (resolved.globbed && !raw.includes('/') && isMultilineProse(source)) return undefined;
  if (!introduced && capitalised) c = info.tier === 1 ? c * 0.3 : 0;
  // Unix commands are lower-case; `SET 8 -MINI` is SQL or a shout, not a command.
  if (!introduced && shouted) c /= 2;
  // `$(…)` around a known command is unmistakable, and so is a backtick pair where a command goes; a
  // backtick pair inside text may be Markdown code (``run `ls -la` first``).
  if (command.context === 'substitution' && shape !== 'prose') {
    c = Math.max(c, !markdown ? 1 : info.tier === 1 ? 0.6 : 0.35);
  }
  if (proseLine) c *= 0.6;
  // `ansible all -m ping`, `env --version`, `ll /var/www/`: the whole value is one command line, of a tool
  // that is no word, or of a word followed by an option or an absolute path. Prose has neither.
  // (`CD /DVD drive` in capitals is a product label.)
  if (sole && command.context === 'start' && !capitalised && !upper && shape !== 'prose') {
    const n = args.length;
    const runsScript =
      (info.role === 'shell' || info.role === 'interpreter') && SCRIPT_FILE.test(args[0] ?? '');
    if (
      n > 0 &&
      n <= MAX_SOLE_ARGS &&
      (info.tier === 1 || runsScript || args.some((a) => OPTION_OR_PATH.test(a)) || verbAndSwitch)
    ) {
      c = Math.max(c, 0.9);
    }
  }
  // `kill '-'9`, `cat /e't'c/hosts`: an option or a path split by quotes is hidden as a name would be.
  if (command.words.some((w, i) => i > 0 && w.split && /^[-/]/.test(w.text))) c = Math.max(c, 0.9);
  const strong = introduced || shape === 'shell';
  // Nobody splits a command name with quotes, escapes, globs, braces or variables but to hide it.
  if (resolved.hidden) c = 1;
  // `/usr/bin/perl -e …`, `/bin/gunzip -c …`: a binary's full path with arguments is a command line.
  if (resolved.binPath) c = Math.max(c, strong ? 1 : 0.85);
  // `/usr/bin/id|`, `cat /etc/passwd|`: a command line ending in a pipe is what Perl's two-argument open runs.
  if (
    command.context === 'start' &&
    PIPE_OPEN.test(source.slice(end)) &&
    (resolved.binPath || (info.tier === 1 && shape !== 'prose'))
  )
    c = Math.max(c, 0.95);
  if (hasInlineScript(info, args)) {
    c = Math.max(c, introduced ? 1 : 0.95);
    if (info.role === 'shell' && depth < 2) c = Math.max(c, judgeInline(command.words, depth));
  }
  if (RUN_QUOTED_SCRIPTS.has(resolved.name) && depth < 2) {
    const script = judgeQuotedScripts(command.words, source, depth);
    c = Math.max(c, introduced || sole ? script : Math.min(script, 0.6));
  }
  if (command.context === 'pipe' && info.role === 'shell') c = markdown || proseLine ? 0.7 : 1;
  if (args.some((a) => SHELL_BINARY.test(a))) c = Math.max(c, introduced ? 1 : 0.95);
  if (args.some((a) => sensitiveArg(a) >= 0.85)) c = Math.max(c, introduced ? 1 : 0.95);
  // A globbed path (`/???/pa??wd`) handed to a command: people name files, evasions pattern-match them.
  // (`[test/x.js](test/x.js)` is a Markdown link.)
  else if (args.some((a) => a.includes('/') && /[*?[]/.test(a)) && !linksOnly(command, source))
    c = Math.max(c, 0.9);
  // `alias x=env`: renaming a command is how an evasion brings it back under a name no filter knows.
  const alias = resolved.name === 'alias' ? args.find((a) => ALIAS.test(a)) : undefined;
  if (alias !== undefined) c = Math.max(c, aliasedCommand(alias) ? 1 : 0.9);
  if (c <= 0) return undefined;
  return {
    rule: ruleFor(command, resolved.hidden),
    confidence: Math.min(1, Math.round(c * 100) / 100),
    start: command.start,
    end,
  };
}
