import type { CommandSuspicion } from './judge-command.js';

const SSI = /<!--\s*#\s*(exec|include|echo|config|printenv|set|fsize|flastmod)\b/i;
const SSI_CONFIDENCE: Readonly<Record<string, number>> = { exec: 1, include: 0.9, printenv: 0.9 };
const FUNCTION_HEAD = /([^\s(){};|&]{1,32})\s*\(\s*\)\s*\{/g;

/** Server-side include directives (`<!--#exec cmd="…"-->`): the web server runs them. */
export function findSsi(text: string): CommandSuspicion | undefined {
  if (!text.includes('<!--')) return undefined;
  const m = SSI.exec(text);
  if (m === null) return undefined;
  const confidence = SSI_CONFIDENCE[m[1]!.toLowerCase()] ?? 0.8;
  return { rule: 'cmdi/ssi-directive', confidence, start: m.index, end: m.index + m[0].length + 32 };
}

/**
 * A shell function that calls itself in a pipe or in the background: the fork bomb `:(){ :|:& };:` and its
 * renamed variants. The nameless `() {` of Shellshock is another family's.
 */
export function findForkBomb(text: string): CommandSuspicion | undefined {
  if (!text.includes('(')) return undefined;
  FUNCTION_HEAD.lastIndex = 0;
  for (let m = FUNCTION_HEAD.exec(text); m !== null; m = FUNCTION_HEAD.exec(text)) {
    const name = m[1]!;
    const close = text.indexOf('}', m.index + m[0].length);
    const body = text.slice(m.index + m[0].length, close < 0 ? text.length : close);
    const calls = body.split(name).length - 1;
    if (calls >= 2 || (calls >= 1 && (body.includes('|') || body.includes('&')))) {
      if (/[|&]/.test(body))
        return { rule: 'cmdi/fork-bomb', confidence: 1, start: m.index, end: m.index + 64 };
    }
  }
  return undefined;
}
