import { isIPv6 } from 'node:net';
import type { AuditEntry } from '../core/index.js';
import { canonicalJson } from './canonical-json.js';

// Exports format entries one at a time, so a caller can stream any number of them; the whole-list functions
// are for the sizes an HTTP answer holds.

/** One entry as a line of JSON Lines, every field as stored (so the export can be verified on its own). */
export function jsonLine(entry: AuditEntry): string {
  const { seq, time, actor, action, target, outcome, ip, details, prevHash, hash } = entry;
  return `${JSON.stringify({ seq, time, actor, action, target, outcome, ip, details, prevHash, hash })}\n`;
}

/** Entries as JSON Lines (`application/x-ndjson`). */
export function toJsonLines(entries: Iterable<AuditEntry>): string {
  return Array.from(entries, jsonLine).join('');
}

/** The CSV header row, CRLF-terminated (RFC 4180). */
export const CSV_HEADER = 'seq,time,actor,action,target,outcome,ip,details,prev_hash,hash\r\n';

// A spreadsheet runs a cell that starts with one of these as a formula; a leading ' makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One entry as a CSV row: time in ISO 8601 (UTC, milliseconds), details as JSON with sorted keys. */
export function csvRow(entry: AuditEntry): string {
  const cells = [
    String(entry.seq),
    isoTime(entry.time),
    entry.actor,
    entry.action,
    entry.target,
    entry.outcome,
    entry.ip,
    canonicalJson(entry.details),
    entry.prevHash,
    entry.hash,
  ];
  return `${cells.map((c) => csvCell(String(c))).join(',')}\r\n`;
}

/** Entries as CSV with a header row, safe to open in a spreadsheet. */
export function toCsv(entries: Iterable<AuditEntry>): string {
  return CSV_HEADER + Array.from(entries, csvRow).join('');
}

// Exported rows may be tampered ones: a time that is no date is written as it is rather than failing the export.
function isoTime(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}

const cefHeader = (text: string) => text.replace(/[\\|]/g, '\\$&').replace(/[\r\n]+/g, ' ');
const cefValue = (text: string) =>
  text.replace(/[\\=]/g, '\\$&').replaceAll('\r', '\\r').replaceAll('\n', '\\n');

/**
 * One entry as an ArcSight CEF line: `CEF:0|Infinite Security|infinisec|version|action|action|severity|…`.
 * Severity 3 for a success, 6 for a failure. Extensions: rt (epoch ms), suser, act, outcome, src (IPv4) or
 * c6a2 (IPv6), cs1 = details JSON, cs2 = the entry's hash, cs3 = target, cn1 = seq.
 * @example cefLine(entry, '0.1.0')
 */
export function cefLine(entry: AuditEntry, productVersion: string): string {
  const header = [
    'CEF:0',
    'Infinite Security',
    'infinisec',
    productVersion,
    entry.action,
    entry.action,
    entry.outcome === 'failure' ? '6' : '3',
  ].map((field, i) => (i === 0 ? field : cefHeader(String(field))));
  const extensions: [string, unknown][] = [
    ['rt', entry.time],
    ['suser', entry.actor],
    ['act', entry.action],
    ['outcome', entry.outcome],
  ];
  // CEF's src is an IPv4 field; an IPv6 source goes in c6a2, labelled as the standard suggests.
  if (isIPv6(entry.ip)) extensions.push(['c6a2Label', 'Source IPv6 Address'], ['c6a2', entry.ip]);
  else if (entry.ip !== '') extensions.push(['src', entry.ip]);
  extensions.push(
    ['cs1Label', 'details'],
    ['cs1', canonicalJson(entry.details)],
    ['cs2Label', 'hash'],
    ['cs2', entry.hash],
    ['cs3Label', 'target'],
    ['cs3', entry.target],
    ['cn1Label', 'seq'],
    ['cn1', entry.seq],
  );
  return `${header.join('|')}|${extensions.map(([key, value]) => `${key}=${cefValue(String(value))}`).join(' ')}\n`;
}

/** Entries as CEF, one line each, for a SIEM. */
export function toCef(entries: Iterable<AuditEntry>, productVersion: string): string {
  return Array.from(entries, (entry) => cefLine(entry, productVersion)).join('');
}
