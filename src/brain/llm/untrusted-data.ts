import { randomBytes } from 'node:crypto';
import type { Redactor } from './redactor.js';

/** Longest string redacted whole; anything past it is cut first (it would be cut to `maxChars` anyway). */
const REDACT_WINDOW = 4096;

/** A fresh boundary token: unguessable, so data cannot forge the line that ends its block. */
export function newBoundary(): string {
  return randomBytes(12).toString('base64url');
}

// Cut where a secret cannot continue (space or separator), so no token is split into an unrecognisable prefix.
function cutAtSeparator(text: string): string {
  const head = text.slice(0, REDACT_WINDOW);
  const at = Math.max(...[' ', '\n', '\t', '&', ';', ',', '"', "'"].map((c) => head.lastIndexOf(c)));
  return at > 0 ? head.slice(0, at) : '';
}

/**
 * Every string in the value (object keys too) redacted, then cut to `maxChars` with a note of how much was
 * left out. Redacting before cutting keeps a secret from surviving as a prefix too short to recognise.
 */
export function cleanUntrusted(value: unknown, redactor: Redactor, maxChars: number): unknown {
  if (typeof value === 'string') {
    const window = value.length > REDACT_WINDOW ? cutAtSeparator(value) : value;
    const redacted = redactor.redact(window);
    const more = redacted.length - Math.min(redacted.length, maxChars) + (value.length - window.length);
    return more === 0 ? redacted : `${redacted.slice(0, maxChars)}…[${more} more chars]`;
  }
  if (Array.isArray(value)) return value.map((item) => cleanUntrusted(item, redactor, maxChars));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[cleanUntrusted(key, redactor, 64) as string] = cleanUntrusted(item, redactor, maxChars);
    }
    return out;
  }
  return value;
}

/**
 * The value as one JSON line in a fenced block between marker lines that carry the boundary token. JSON keeps
 * every line break of the data escaped, so nothing inside can start a line of its own.
 * @example dataBlock('incident', { title: 'scan' }, 'k3J9...') // '----- BEGIN UNTRUSTED DATA k3J9... ...'
 */
export function dataBlock(label: string, value: unknown, boundary: string): string {
  const json = JSON.stringify(value);
  if (json.includes(boundary)) throw new TypeError('brain.llm: the data holds its own boundary token');
  return [
    `----- BEGIN UNTRUSTED DATA ${boundary} (${label}) -----`,
    '```json',
    json,
    '```',
    `----- END UNTRUSTED DATA ${boundary} -----`,
  ].join('\n');
}

/** As many items of the list as fit, in order, with the JSON of `build(items)` within `maxChars`. */
export function fitList<T>(
  items: readonly T[],
  maxChars: number,
  build: (items: readonly T[]) => unknown,
): T[] {
  let count = items.length;
  while (count > 0 && JSON.stringify(build(items.slice(0, count))).length > maxChars) {
    count = count > 8 ? Math.floor(count * 0.75) : count - 1;
  }
  return items.slice(0, count);
}
