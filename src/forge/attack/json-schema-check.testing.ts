// A validator for the JSON Schema keywords z.toJSONSchema writes for the report (type, properties,
// required, additionalProperties, items, enum, const, anyOf, bounds, lengths, pattern, date-time), so that
// tests check reports against the very file in docs/, not only against the zod schema it came from.

type Schema = Record<string, unknown>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeFits(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** Every way `value` breaks `schema`, each as `path: problem`; empty when it fits. */
export function jsonSchemaProblems(schema: Schema, value: unknown, path = '$'): string[] {
  const problems: string[] = [];
  const add = (problem: string) => problems.push(`${path}: ${problem}`);
  if (Array.isArray(schema.anyOf)) {
    const fits = (schema.anyOf as Schema[]).some((s) => jsonSchemaProblems(s, value, path).length === 0);
    if (!fits) add('matches none of anyOf');
  }
  if (typeof schema.type === 'string' && !typeFits(value, schema.type)) {
    add(`expected ${schema.type}, got ${typeOf(value)}`);
    return problems;
  }
  if ('const' in schema && value !== schema.const) add(`expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) add(`not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) add(`below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) add(`above ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
      add(`not above ${schema.exclusiveMinimum}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) add('too short');
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) add('too long');
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      add(`does not match ${schema.pattern}`);
    if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) add('not a date-time');
  }
  if (Array.isArray(value)) {
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) add('too many items');
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) add('too few items');
    if (typeof schema.items === 'object' && schema.items !== null)
      for (const [i, item] of value.entries())
        problems.push(...jsonSchemaProblems(schema.items as Schema, item, `${path}[${i}]`));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in object)) add(`missing "${name}"`);
    for (const [name, item] of Object.entries(object)) {
      const property = properties[name];
      if (property !== undefined) problems.push(...jsonSchemaProblems(property, item, `${path}.${name}`));
      else if (schema.additionalProperties === false) add(`unexpected "${name}"`);
    }
  }
  return problems;
}

const KNOWN = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'maxItems',
  'minItems',
]);

/** Keywords of `schema` this validator does not know: a test fails on them rather than skip a check. */
export function unknownKeywords(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  if (Array.isArray(schema)) return schema.flatMap(unknownKeywords);
  const found: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (!KNOWN.has(key)) found.push(key);
    if (key === 'properties')
      for (const s of Object.values(value as object)) found.push(...unknownKeywords(s));
    else if (key === 'items' || key === 'anyOf') found.push(...unknownKeywords(value));
  }
  return found;
}
