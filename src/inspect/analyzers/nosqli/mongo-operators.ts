/** How an injected MongoDB operator can hurt. */
export type OperatorClass = 'javascript' | 'query' | 'update';

/**
 * MongoDB operators an attacker smuggles in as keys: server-side JavaScript, query operators that turn
 * an equality check into a comparison (`{"password": {"$ne": ""}}`), and update operators (mass
 * assignment). Left out on purpose: `$type`, `$ref`, `$id`, `$schema`, `$comment` (JSON Schema, Json.NET)
 * and `$search`, `$count`, `$skip`, `$top`, `$filter` (OData query options).
 */
const OPERATORS: ReadonlyMap<string, OperatorClass> = new Map<string, OperatorClass>([
  ...['where', 'function', 'accumulator'].map((op) => [op, 'javascript'] as const),
  ...[
    'eq',
    'ne',
    'gt',
    'gte',
    'lt',
    'lte',
    'in',
    'nin',
    'and',
    'or',
    'not',
    'nor',
    'exists',
    'regex',
    'options',
    'elemMatch',
    'all',
    'size',
    'mod',
    'text',
    'expr',
    'jsonSchema',
    'geoWithin',
    'geoIntersects',
    'near',
    'nearSphere',
    'bitsAllSet',
    'bitsAnySet',
    'bitsAllClear',
    'bitsAnyClear',
    'lookup',
  ].map((op) => [op, 'query'] as const),
  ...[
    'set',
    'unset',
    'inc',
    'push',
    'pull',
    'pullAll',
    'addToSet',
    'rename',
    'setOnInsert',
    'currentDate',
    'mul',
    'pop',
    'min',
    'max',
  ].map((op) => [op, 'update'] as const),
]);

/** The class of `$name` (without the `$`), or undefined when it is not an operator we track. */
export function operatorClass(name: string): OperatorClass | undefined {
  return OPERATORS.get(name);
}
