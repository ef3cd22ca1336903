const SCRIPT_PUNCTUATION = new Set([40, 96, 61, 91]); // ( ` = [

/**
 * True when an attribute or handler value reads as code rather than a word: it calls, assigns, indexes or
 * uses a template (`alert(1)`, `location=…`, `x[0]`), or is itself a `javascript:` URL.
 * @example isScriptLike('alert(1)') // true
 * @example isScriptLike('sale') // false
 */
export function isScriptLike(value: string, limit = 256): boolean {
  const end = Math.min(value.length, limit);
  for (let i = 0; i < end; i++) {
    if (SCRIPT_PUNCTUATION.has(value.charCodeAt(i))) return true;
  }
  return value.trimStart().slice(0, 11).toLowerCase() === 'javascript:';
}
