import { gapBetween, isBare, isOddCase } from './call-shape.js';
import type { Hit } from './hit.js';
import { collectBindings, matching } from './php-bindings.js';
import { isPhpName, phpFunctionTier, Tier } from './php-functions.js';
import { type Callee, resolveCallee } from './resolve-callee.js';
import type { PhpToken, PhpTokens } from './tokenize-php.js';

type Args = 'armed' | 'code' | 'word' | 'empty' | 'open';

// Function names that are also English words: `Sort (ascending)` and `exec (` are prose, not calls.
const WORDS: ReadonlySet<string> = new Set(
  'sort count range date time file copy link touch key end next prev reset current each list min max round floor ceil log exp pi stat mail header define constant compact extract system exec eval assert print join trim hash crypt sleep glob rename pack ord abs pow rand shuffle virtual tan sin cos sqrt level mark'.split(
    ' ',
  ),
);
const SUPERGLOBAL = /^(?:_GET|_POST|_REQUEST|_COOKIE|_SERVER|_FILES|_ENV|_SESSION|GLOBALS)$/;
// By tier (exec/eval, file/network/decoders, everyday built-ins) and by what the arguments hold: request
// input or a nested call, code, bare words, nothing, or no closing parenthesis at all.
const BY_TIER: Readonly<Record<number, Readonly<Record<Args, number>>>> = {
  [Tier.EXEC]: { armed: 1, code: 1, word: 0.75, empty: 0.8, open: 0.6 },
  [Tier.REACH]: { armed: 0.9, code: 0.85, word: 0.6, empty: 0.7, open: 0.5 },
  [Tier.BUILTIN]: { armed: 0.7, code: 0.6, word: 0.45, empty: 0.5, open: 0.4 },
};

// `(` calls something PHP can call: a PHP function, a variable, a string or a grouped expression.
function callsPhp(tokens: readonly PhpToken[], paren: number): boolean {
  const before = tokens[paren - 1];
  if (before === undefined || before.type !== 'ident') return true;
  return isPhpName(before.text.toLowerCase());
}

function argsOf(tokens: readonly PhpToken[], paren: number, close: number): Args {
  if (close < 0) return 'open';
  if (close === paren + 1) return 'empty';
  let args: Args = 'word';
  for (let i = paren + 1; i < close; i++) {
    const t = tokens[i]!;
    // Request input or another call as the argument: `eval($_POST['x'])`, `system(base64_decode(...))`;
    // a call of a name PHP does not have (`include(and(or(id(...` of a JS bundler) is only code.
    if (t.text === '(' && t.type === 'punct' && !callsPhp(tokens, i)) args = 'code';
    else if ((t.type === 'var' && SUPERGLOBAL.test(t.text)) || t.text === '(' || t.type === 'backtick')
      return 'armed';
    if (t.type === 'string' || t.type === 'var' || t.text === '$') args = 'code';
  }
  return args;
}

// `preg_replace('/x/e', ...)` evaluates its replacement; without the `e` modifier it is an ordinary call.
function evaluatingPattern(tokens: readonly PhpToken[], paren: number): boolean {
  const pattern = tokens[paren + 1];
  if (pattern?.type !== 'string') return false;
  const text = pattern.text.trimEnd();
  let i = text.length;
  while (i > 0 && /[a-zA-Z]/.test(text[i - 1]!)) i--;
  return i > 0 && '/#~!|@%'.includes(text[i - 1]!) && text.slice(i).includes('e');
}

const STRONG = 0.9;
const INCLUDES: ReadonlySet<string> = new Set(['include', 'include_once', 'require', 'require_once']);
// What PHP is made to include: a URL or stream wrapper, an absolute or climbing path, a file with an
// extension (`shell.txt`, `x.php%00`) or a NUL. Not a module name (`require('http')`, `@scope/pkg`,
// `node:fs`, `./worker`, `./lib.js`): that is a JavaScript `require`.
const INCLUDE_TARGET =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|data:|[/\\]|[a-z]:[/\\])|\.\.|\0|\.(?!(?:m?js|cjs|json|node|tsx?|jsx|css)$)[a-z0-9]{1,5}$/i;

// `require('autocannon')`, `include(and(or(id(...` of a JS bundler: an include whose arguments hold no
// variable, no PHP call and no string PHP could include is a JavaScript call of the same name.
function includesNothing(tokens: readonly PhpToken[], name: string, paren: number, close: number): boolean {
  if (!INCLUDES.has(name) || close < 0) return false;
  for (let i = paren + 1; i < close; i++) {
    const t = tokens[i]!;
    if (t.type === 'var' || t.type === 'backtick') return false;
    // `$$x`, `${'x'}`: a variable named by an expression; `$/` closes a JS regular expression.
    if (t.text === '$' && (tokens[i + 1]?.text === '{' || tokens[i + 1]?.type === 'var')) return false;
    if (t.type === 'string' && INCLUDE_TARGET.test(t.text)) return false;
    if (t.type === 'punct' && t.text === '(' && callsPhp(tokens, i)) return false;
  }
  return true;
}

// A call that is all the value holds (`phpinfo()`, `unserialize(x)`, `base64_decode(`) is code, not prose
// that mentions a function. Empty calls of PHP names, unless the name is a word that expression languages
// share (`pi()`, `time()`) and nothing else marks it; unclosed calls of snake_case names only, as `eval(`
// may be cut-off text; calls with code of functions that reach further than everyday built-ins; and calls
// with bare words of dangerous functions, where a word needs the exec tier (`system(whoami)`, not
// `Copy(2)`). A spelling no one types (`subSTR($x)`) or blanks no one types (`filegroup  (x)`) mark a call.
function bareConfidence(tier: number, args: Args, spelled: string, odd: boolean, blank: boolean): number {
  const name = spelled.toLowerCase();
  if (!isPhpName(name)) return 0;
  const word = WORDS.has(name);
  if (args === 'empty') return !word || tier === Tier.EXEC || odd || blank ? STRONG : 0;
  if (args === 'open') return !word && name.includes('_') ? STRONG : 0;
  if (args === 'code') return tier >= Tier.REACH || odd ? STRONG : 0;
  // `System(Windows)` reads as a label; `system(whoami)` as code.
  if (args === 'word')
    return (tier === Tier.EXEC && (!word || spelled === name)) ||
      (!word && (tier === Tier.REACH || odd || blank))
      ? STRONG
      : 0;
  return 0;
}

function nameConfidence(
  text: string,
  tokens: readonly PhpToken[],
  callee: Callee,
  paren: number,
  close: number,
): number {
  let tier = phpFunctionTier(callee.name);
  if (tier === 0 || includesNothing(tokens, callee.name, paren, close)) return 0;
  if (callee.name === 'preg_replace' || callee.name.startsWith('mb_ereg'))
    tier = evaluatingPattern(tokens, paren) ? Tier.EXEC : Tier.BUILTIN;
  // A callback given by name: `array_map('system', ...)`.
  const first = tokens[paren + 1];
  if (
    tier === Tier.REACH &&
    first?.type === 'string' &&
    phpFunctionTier(first.text.toLowerCase()) === Tier.EXEC
  )
    return 1;
  const args = argsOf(tokens, paren, close);
  const only = close === paren + 2 ? tokens[paren + 1]! : undefined;
  // `file(s)`, `date(s)`: a plural in prose.
  if (only?.type === 'ident' && (only.text === 's' || only.text === 'es')) return 0;
  const name = tokens[callee.start]!;
  const gap = gapBetween(text, name.end, tokens[paren]!.start);
  // `@exec(`, `\exec(`: PHP's error suppression and namespace root.
  const prefixed = text.charCodeAt(name.start) === 92 || tokens[callee.start - 1]?.text === '@';
  // Prose puts one space between a word and an aside: `Sort (ascending)`, `exec (the program)`.
  if (
    gap === 'space' &&
    !prefixed &&
    (args === 'word' || args === 'empty' || args === 'open') &&
    WORDS.has(callee.name)
  )
    return tier === Tier.EXEC && args !== 'open' ? 0.6 : 0;
  let confidence = BY_TIER[tier]![args];
  if (prefixed || gap === 'blank') confidence += 0.1;
  const odd = isOddCase(name.text);
  if (odd) confidence += 0.2;
  // A comment or a control character between a name and its `(` is only ever written to evade.
  if (gap === 'comment' || gap === 'control') confidence = Math.max(confidence, STRONG);
  const end = close < 0 ? tokens[paren]!.end : tokens[close]!.end;
  if (confidence < STRONG && isBare(text, name.start, end))
    confidence = Math.max(confidence, bareConfidence(tier, args, name.text, odd, gap === 'blank'));
  return Math.min(1, confidence);
}

function variableConfidence(
  text: string,
  tokens: readonly PhpToken[],
  callee: Callee,
  paren: number,
): number {
  const tier = callee.name === '' ? 0 : phpFunctionTier(callee.name);
  if (tier === Tier.EXEC) return 1;
  if (callee.complex || tier > 0) return 0.95;
  const v = tokens[paren - 1]!;
  if (SUPERGLOBAL.test(v.text)) return 0.95;
  const gap = gapBetween(text, v.end, tokens[paren]!.start);
  if (gap === 'comment' || gap === 'control') return STRONG;
  // `$f(101).$f(120)`: one function variable called again and again builds a string (`chr`) or a payload.
  if (gap === 'none' && callsAgain(tokens, paren - 1)) return STRONG;
  const close = matching(tokens, paren);
  const bare = close >= 0 && isBare(text, v.start, tokens[close]!.end);
  if (gap === 'none') return bare ? STRONG : 0.85;
  if (!bare) return 0.6;
  // `$f (16)`: a bare call with a literal argument; `$USD (approx)` is text.
  const arg = tokens[paren + 1]!;
  return gap === 'blank' || arg.type !== 'ident' ? STRONG : 0.6;
}

/** Whether the variable at `at` is called a second time later: `$f(1).$f(2)`. */
function callsAgain(tokens: readonly PhpToken[], at: number): boolean {
  const name = tokens[at]!.text;
  for (let i = at + 2; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'var' && t.text === name && tokens[i + 1]!.text === '(' && tokens[i + 1]!.start === t.end)
      return true;
  }
  return false;
}

function computedConfidence(callee: Callee): number {
  const tier = phpFunctionTier(callee.name);
  return tier === Tier.EXEC ? 1 : tier === Tier.REACH ? 0.9 : tier === Tier.BUILTIN ? 0.7 : 0;
}

/**
 * The most dangerous PHP call in a token stream: built-in functions by tier and argument shape, callees
 * computed from strings (`"sys"."tem"(`, `[system][0](`, `define`d constants), and variable functions
 * (`$f(`, `$_GET['f'](`), which resolve through `$f = '...'` assignments.
 */
export function findPhpCall(text: string, { tokens }: PhpTokens): Hit | undefined {
  let best: Hit | undefined;
  let bindings: ReturnType<typeof collectBindings> | undefined;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'punct' || tokens[i]!.text !== '(') continue;
    bindings ??= collectBindings(tokens);
    const callee = resolveCallee(tokens, i, bindings);
    if (callee === undefined) continue;
    const close = matching(tokens, i);
    const confidence =
      callee.form === 'name'
        ? nameConfidence(text, tokens, callee, i, close)
        : callee.form === 'variable'
          ? variableConfidence(text, tokens, callee, i)
          : computedConfidence(callee);
    if (confidence === 0 || (best !== undefined && confidence <= best.confidence)) continue;
    const rule = callee.form === 'variable' ? 'variable-function' : 'function-call';
    const from = tokens[callee.start]!.start;
    const to = close < 0 ? text.length : tokens[close]!.end;
    best = { rule, confidence, evidence: text.slice(from, Math.min(to, from + 64)) };
    if (confidence >= 1) break;
  }
  return best;
}
