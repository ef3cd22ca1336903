import { KNOWN_COMMANDS } from './known-commands.js';

/** How the arguments of a command read: absent, like a command line, like words, or like a sentence. */
export type ArgShape = 'none' | 'shell' | 'plain' | 'prose';

const MAX_ARGS = 8;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?$/;
const FILE_NAME = /^[\w.-]+\.[a-z0-9]{1,5}$/;
const OPTION = /^--?[A-Za-z0-9?]/;
const PROSE_WORD = /^[\p{L}'’-]+[.,!?:;]?$/u;
// Words that join a sentence and name nothing a command takes: `curl and divergence`, `echo in the mirror`.
const FUNCTION_WORDS = new Set(
  'a an the and or but nor of to in on at for with from by into onto is are was were be my your his her its our their this that these those'.split(
    ' ',
  ),
);

/** An argument only a command line would hold: an option, a path, an address, a variable, a glob... */
export function isShellArg(arg: string): boolean {
  // A lone `=` is an assignment in code (`type A = {…}`, `id = next()`), not an option.
  if (arg.length === 0 || /^=+$/.test(arg)) return false;
  const c = arg[0]!;
  if (OPTION.test(arg) || c === '/' || c === '~' || c === '$' || c === '%' || c === '\\') return true;
  // `find … -exec cat {} \;`: the file placeholder and an escaped terminator exist nowhere else.
  if (arg === '{}' || arg === ';') return true;
  if (arg.includes('/') || arg.includes('=') || arg.includes('\\') || /[*?[]/.test(arg)) return true;
  return IPV4.test(arg) || FILE_NAME.test(arg);
}

function isProseWord(arg: string): boolean {
  if (!PROSE_WORD.test(arg)) return false;
  if (FUNCTION_WORDS.has(arg)) return true;
  const code = arg.charCodeAt(0);
  // Capitalised, accented, or punctuated like a sentence.
  return (code >= 65 && code <= 90) || /[^\x00-\x7f]/.test(arg) || /[.,!?:;]$/.test(arg) || arg.includes("'");
}

/**
 * Classifies a command's arguments: `shell` when one looks like a command-line argument and words do not
 * dominate, `prose` when they read like a sentence, `plain` for a few lower-case words.
 * @example argShape(['-la', '/tmp']) // 'shell'
 */
export function argShape(args: readonly string[]): ArgShape {
  if (args.length === 0) return 'none';
  let shell = 0;
  let prose = 0;
  let words = 0;
  const n = Math.min(args.length, MAX_ARGS);
  for (let i = 0; i < n; i++) {
    const arg = args[i]!;
    if (isShellArg(arg)) shell++;
    // Half-weight: a count, PID or port (`sleep 10`, but `top 10 deals`); a command or file named like one
    // (`| xargs kill`, `column passwd`, but `python vs ruby`).
    else if (/^\d{1,6}$/.test(arg) || KNOWN_COMMANDS.get(arg)?.tier === 1) shell += 0.5;
    else if (isProseWord(arg)) prose++;
    else if (/^\p{L}+$/u.test(arg)) words++;
  }
  if (shell > 0 && shell * 2 > prose + words) return 'shell';
  if (prose > 0 || words >= 3) return 'prose';
  return shell > 0 ? 'plain' : words > 0 || n > 0 ? 'plain' : 'none';
}
