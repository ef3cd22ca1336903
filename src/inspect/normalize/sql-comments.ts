import { type Transform, unchanged } from '../transform.js';
import { CodeUnitBuffer } from './code-unit-buffer.js';

// MySQL runs the body of `/*!50000 … */` (and MariaDB of `/*M!100100 … */`): only the markers go.
const MAX_VERSION_DIGITS = 6;
const SPACE = 32;
const out = new CodeUnitBuffer();

function lineEnd(s: string, from: number): number {
  let at = from;
  while (at < s.length && s.charCodeAt(at) !== 10 && s.charCodeAt(at) !== 13) at++;
  return at;
}

// Where the body of an executable comment starting at `at` begins, or -1 when it is an ordinary comment.
function executableBodyStart(s: string, at: number): number {
  let next = at + 2;
  if (s[next] === 'M' && s[next + 1] === '!') next++;
  if (s[next] !== '!') return -1;
  next++;
  const limit = next + MAX_VERSION_DIGITS;
  while (next < limit && s.charCodeAt(next) >= 48 && s.charCodeAt(next) <= 57) next++;
  return next;
}

/**
 * Removes SQL comments: `/* … *\/` (unterminated runs to the end) becomes a space, as the server reads it
 * (`union/**\/select`); `-- …` and `# …` go up to the end of the line; the body of a MySQL executable
 * comment `/*!50000select*\/` is kept. Quotes are not tracked: an injected value starts inside a literal,
 * so its quotes say nothing reliable. Not in the default variant set: the SQLi analyzer applies it.
 * @example sqlComments.apply("1'/**\/union/*!select*\/1-- x").value // "1' union select 1"
 */
export const sqlComments: Transform = {
  name: 'sql-comments',
  apply(input) {
    if (!input.includes('/*') && !input.includes('--') && !input.includes('#')) return unchanged(input);
    out.clear();
    let keptStart = 0;
    let inExecutable = false;
    let at = 0;
    while (at < input.length) {
      const code = input.charCodeAt(at);
      const next = input.charCodeAt(at + 1);
      let resume = -1;
      let space = false;
      if (code === 47 && next === 42) {
        const body = executableBodyStart(input, at);
        if (body !== -1) inExecutable = true;
        const close = body === -1 ? input.indexOf('*/', at + 2) : -1;
        resume = body !== -1 ? body : close === -1 ? input.length : close + 2;
        space = true;
      } else if (code === 42 && next === 47 && inExecutable) {
        inExecutable = false;
        resume = at + 2;
        space = true;
      } else if ((code === 45 && next === 45) || code === 35) {
        resume = lineEnd(input, at);
      }
      if (resume === -1) {
        at++;
        continue;
      }
      out.pushSlice(input, keptStart, at);
      if (space) out.push(SPACE);
      keptStart = at = resume;
    }
    if (keptStart === 0) return unchanged(input);
    out.pushSlice(input, keptStart, input.length);
    return { value: out.toString(), changed: true };
  },
};
