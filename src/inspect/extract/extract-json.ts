import { extractGraphql, looksLikeGraphql } from './extract-graphql.js';
import { isPlainName } from './is-plain.js';
import { locationName } from './location-name.js';
import type { ValueSink } from './value-sink.js';

function walk(node: unknown, location: string, depth: number, sink: ValueSink): void {
  if (typeof node === 'string') {
    if (node !== '') sink.add(location, 'body-value', node);
    return;
  }
  if (typeof node !== 'object' || node === null) return; // numbers, booleans and null carry no syntax
  if (depth >= sink.maxDepth) {
    sink.over('depth');
    return;
  }
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length && !sink.full; i++) walk(node[i], `${location}.${i}`, depth + 1, sink);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (sink.full) return;
    const value = record[key];
    // A GraphQL-over-JSON request (or a batch of them): the document is code, its strings are the input.
    if (key === 'query' && depth <= 1 && typeof value === 'string' && looksLikeGraphql(value)) {
      extractGraphql(value, sink);
      continue;
    }
    const child = locationName(location, key);
    if (!isPlainName(key)) sink.add(`${child}#name`, 'body-name', key);
    walk(value, child, depth + 1, sink);
  }
}

/** Parses a JSON body; undefined when it is not valid JSON (the caller falls back to raw text). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** String values of a parsed JSON body as `body.json.user.name` / `body.json.items.0.id`, unusual keys too. */
export function extractJson(root: unknown, sink: ValueSink): void {
  walk(root, 'body.json', 0, sink);
}
