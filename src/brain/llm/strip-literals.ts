/** What stands where a literal was taken out of a question. */
export const LITERAL = '«literal»';

/**
 * The question without its literals: text in quotes or backticks and `{...}` fragments, which is what an
 * operator pastes from a request (a user agent, a body). No event field is a free-text filter, so a literal
 * cannot narrow a query; taken out, it cannot reach the model either. An unclosed quote makes the rest literal.
 * @example stripLiterals('blocked today with agent "x {\\"client\\":\\"1.2.3.4\\"}"') // 'blocked today with agent «literal»'
 */
export function stripLiterals(question: string): string {
  let out = question.slice(0, 2000);
  for (let pass = 0; pass < 8 && /\{[^{}]*\}/.test(out); pass++)
    out = out.replace(/\{[^{}]*\}/g, ` ${LITERAL} `);
  out = out
    .replace(/"[^"]*"|“[^”]*”|`[^`]*`|(?<!\w)'[^']*'(?!\w)/g, ` ${LITERAL} `)
    .replace(/(?:["“`{]|(?<!\w)').*$/s, ` ${LITERAL} `);
  return out.replace(/\s+/g, ' ').trim();
}
