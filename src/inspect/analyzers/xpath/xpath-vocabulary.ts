/** XPath functions that take node sets: with a path argument they only make sense inside XPath. */
export const NODE_FUNCTIONS: ReadonlySet<string> = new Set([
  'count',
  'name',
  'local-name',
  'namespace-uri',
  'string-length',
  'substring',
  'substring-before',
  'substring-after',
  'string',
  'normalize-space',
  'contains',
  'starts-with',
  'ends-with',
  'translate',
  'concat',
  'number',
  'sum',
  'boolean',
  'not',
  'lang',
  'id',
  'string-join',
  'codepoints-to-string',
  'string-to-codepoints',
  'lower-case',
  'upper-case',
  'data',
  'exists',
  'empty',
  'matches',
]);

/** XPath 2.0+ functions that read documents and files. */
export const DOCUMENT_FUNCTIONS: ReadonlySet<string> = new Set([
  'doc',
  'document',
  'unparsed-text',
  'unparsed-text-lines',
  'doc-available',
  'collection',
  'environment-variable',
]);

/** The thirteen XPath axes. */
export const AXES: ReadonlySet<string> = new Set([
  'ancestor',
  'ancestor-or-self',
  'attribute',
  'child',
  'descendant',
  'descendant-or-self',
  'following',
  'following-sibling',
  'namespace',
  'parent',
  'preceding',
  'preceding-sibling',
  'self',
]);

/** Node tests written as calls: `node()`, `text()`. */
export const NODE_TESTS: ReadonlySet<string> = new Set(['node', 'text', 'comment', 'processing-instruction']);
