/**
 * JSON with the keys of every object sorted (by UTF-16 code units) and no whitespace, so equal values always
 * give equal text: what the audit chain hashes. Follows JSON.stringify otherwise (toJSON, undefined members
 * dropped, non-finite numbers as null); throws a TypeError on a cycle or a bigint, as JSON.stringify does.
 * @example canonicalJson({ b: 1, a: [true, { d: 2, c: null }] }) // '{"a":[true,{"c":null,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, '', new Set()) ?? 'null';
}

function write(input: unknown, key: string, stack: Set<object>): string | undefined {
  let value = input;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  )
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonical JSON: a bigint has no JSON form');
    case 'object':
      break;
    default:
      return undefined; // undefined, functions and symbols, as JSON.stringify leaves them out
  }
  if (value === null) return 'null';
  const object = value as object;
  if (stack.has(object)) throw new TypeError('canonical JSON: the value refers to itself');
  stack.add(object);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${object.map((item, i) => write(item, String(i), stack) ?? 'null').join(',')}]`;
  } else {
    const members: string[] = [];
    for (const name of Object.keys(object).sort()) {
      const member = write((object as Record<string, unknown>)[name], name, stack);
      if (member !== undefined) members.push(`${JSON.stringify(name)}:${member}`);
    }
    text = `{${members.join(',')}}`;
  }
  stack.delete(object);
  return text;
}
