// `!ENTITY % name SYSTEM` / `!ENTITY name PUBLIC`: XML's own declaration syntax, keywords in upper case.
const ENTITY_DECLARATION = /!ENTITY\s+(?:%\s*)?[\w.:-]+\s+(?:SYSTEM|PUBLIC)\b/;

/**
 * True when a header value holds an XML entity declaration: no client puts DTD syntax in a header, a
 * probe for a server that parses or logs headers as XML does.
 * @example declaresEntity('foo!ENTITY % bar SYSTEM') // true
 */
export function declaresEntity(value: string): boolean {
  return value.indexOf('!ENTITY') >= 0 && ENTITY_DECLARATION.test(value);
}
