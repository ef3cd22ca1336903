import type { ValueKind } from '../../inspectable.js';

const NAME_KINDS: ReadonlySet<ValueKind> = new Set(['query-name', 'body-name', 'cookie-name', 'header-name']);

/**
 * True when a parameter, cookie or header name is nothing but the end of an HTML comment (`-->`, `--!>`):
 * the probe that checks whether reflected input gets out of a comment. Applications name their fields;
 * an arrow as a whole value may still be someone's typing, so values pass.
 * @example closesComment('-->', 'query-name') // true
 */
export function closesComment(value: string, kind: ValueKind): boolean {
  if (value.length > 8 || !NAME_KINDS.has(kind)) return false;
  const text = value.trim();
  return text === '-->' || text === '--!>';
}
