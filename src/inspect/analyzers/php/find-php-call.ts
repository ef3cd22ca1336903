import type { Hit } from './hit.js';
import { collectBindings, matching } from './php-bindings.js';
import { phpFunctionTier, Tier } from './php-functions.js';
import { type Callee, resolveCallee } from './resolve-callee.js';
import type { PhpToken, PhpTokens } from './tokenize-php.js';

type Args = 'armed' | 'code' | 'word' | 'empty' | 'open';

// Function names that are also English words: `Sort (ascending)` and `exec (` are prose, not calls.
const WORDS: ReadonlySet<string> = new Set(
  'sort count range date time file copy link touch key end next prev reset current each list min max round floor ceil log exp pi stat mail header define constant compact extract system exec eval assert print join trim hash crypt sleep glob rename pack chr ord abs pow rand shuffle virtual tan sin cos sqrt level mark'.split(
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

function argsOf(tokens: readonly PhpToken[], paren: number, close: number): Args {
  if (close < 0) return 'open';
  if (close === paren + 1) return 'empty';
  let args: Args = 'word';
  for (let i = paren + 1; i < close; i++) {
    const t = tokens[i]!;
    // Request input or another call as the argument: `eval($_POST['x'])`, `system(base64_decode(...))`.
    if ((t.type === 'var' && SUPERGLOBAL.test(t.text)) || t.text === '(' || t.type === 'backtick')
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

// `exec/**/(`, `exec #x\n(`, `@exec(`, `\exec(`: decorations only an evader writes.
function isDecorated(text: string, tokens: readonly PhpToken[], callee: Callee, paren: number): boolean {
  const name = tokens[callee.start]!;
  if (text.charCodeAt(name.start) === 92 || tokens[callee.start - 1]?.text === '@') return true;
  // Prose puts at most one space before a parenthesis; comments, tabs and line breaks are evasion.
  const gap = text.slice(name.end, tokens[paren]!.start);
  return gap !== '' && gap !== ' ';
}

function nameConfidence(
  text: string,
  tokens: readonly PhpToken[],
  callee: Callee,
  paren: number,
  close: number,
): number {
  let tier = phpFunctionTier(callee.name);
  if (tier === 0) return 0;
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
  const spaced = tokens[paren]!.start > tokens[paren - 1]!.end;
  const decorated = isDecorated(text, tokens, callee, paren);
  if (
    spaced &&
    !decorated &&
    (args === 'word' || args === 'empty' || args === 'open') &&
    WORDS.has(callee.name)
  )
    return tier === Tier.EXEC && args !== 'open' ? 0.6 : 0;
  const confidence = BY_TIER[tier]![args];
  return Math.min(1, decorated ? confidence + 0.1 : confidence);
}

function variableConfidence(tokens: readonly PhpToken[], callee: Callee, paren: number): number {
  const tier = callee.name === '' ? 0 : phpFunctionTier(callee.name);
  if (tier === Tier.EXEC) return 1;
  if (callee.complex || tier > 0) return 0.95;
  const v = tokens[paren - 1]!;
  if (SUPERGLOBAL.test(v.text)) return 0.95;
  return tokens[paren]!.start === v.end ? 0.85 : 0.6;
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
          ? variableConfidence(tokens, callee, i)
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
