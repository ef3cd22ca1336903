import type { Hit } from './hit.js';

// `${'name'}`, `$ {$a}`, `${'a'.'b'}`: a variable named by an expression. A quoted name or a variable inside,
// or space between `$` and `{`, is PHP-only syntax; a bare `${name}` is also a shell or JS template
// placeholder and weighs little.
const EXPRESSION = /\$\s*\{\s*['"$@]/;
const SPACED = /\$\s+\{\s*[A-Za-z_]\w*\s*\}/;
const PLAIN = /\$\{[A-Za-z_]\w*\}/;
// `{${sleep(5)}}`: PHP's complex syntax in a double-quoted string runs the call that names the variable.
const COMPLEX_CALL = /^\s*\{\$\{\s*[A-Za-z_\\][\w\\]*\s*\(/;

/** A PHP variable variable (`${'x'}`, `{${f()}}`); a plain `${x}` placeholder only weakly. */
export function findVariableVariable(text: string): Hit | undefined {
  const complex = COMPLEX_CALL.exec(text);
  if (complex !== null)
    return { rule: 'variable-variable', confidence: 0.9, evidence: text.trim().slice(0, 64) };
  const expression = EXPRESSION.exec(text) ?? SPACED.exec(text);
  if (expression !== null)
    return {
      rule: 'variable-variable',
      confidence: 0.9,
      evidence: text.slice(expression.index, expression.index + 64),
    };
  const plain = PLAIN.exec(text);
  return plain === null ? undefined : { rule: 'variable-variable', confidence: 0.4, evidence: plain[0] };
}
