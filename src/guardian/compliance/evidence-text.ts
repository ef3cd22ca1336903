import type { EvidenceDetail } from './evidence.js';

/** A detail row; numbers and booleans written as people read them. */
export function detail(label: string, value: string | number | boolean): EvidenceDetail {
  return { label, value: typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value) };
}

/** Epoch milliseconds as a UTC time to the second: `2024-05-01 12:00:00 UTC`. */
export function utcTime(time: number): string {
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `1 user`, `2 users`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
