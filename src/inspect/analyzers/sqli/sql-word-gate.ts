/** Bit of a gate word: it carries SQL alone, with a comparison, as a comparison, or only before `(`. */
export const GATE_WORD = 1;
export const GATE_LOGIC = 2;
export const GATE_COMPARE = 8;
export const GATE_CALL = 4;

// Words that carry SQL on their own (`order`/`group` only before `by`, checked by the caller); prefixes end in `_`.
const STRONG = `union select sleep pg_sleep benchmark waitfor exec execute drop insert delete update declare shutdown
  truncate create alter having order group information_schema sysobjects sqlite_master msysobjects msysaccessobjects
  tempdb load_file outfile dumpfile
  extractvalue updatexml name_const gtid_subset xmltype ctxsys openrowset opendatasource mysql xp_ sp_ pg_ utl_
  dbms_ sys_ lo_`;
// `case` counts with logic: `(case when 1=2 then 1 end)` is a condition.
const LOGIC = 'and or xor not case';
const COMPARE = 'like rlike regexp between is in div sounds glob';
// Functions injections call to read data a character at a time, or to fingerprint the server.
const CALLS = `ascii substring substr mid char chr concat concat_ws group_concat version database user current_user
  system_user db_name cast convert hex unhex ord length conv elt make_set export_set floor rand count exp polygon
  multipoint linestring geometrycollection json_keys row_count found_rows last_insert_id schema randomblob zeroblob repeat replicate iif`;
const MAX_WORD = 20;

const byKey = new Map<number, Array<readonly [string, number]>>();
const candidates = new Uint8Array(32 * (MAX_WORD + 1));
for (const [list, bit] of [
  [STRONG, GATE_WORD],
  [LOGIC, GATE_LOGIC],
  [COMPARE, GATE_COMPARE],
  [CALLS, GATE_CALL],
] as const) {
  for (const word of list.split(/\s+/)) {
    if (word === '') continue;
    const key = keyOf(word.charCodeAt(0), word.endsWith('_') ? 0 : word.length);
    candidates[key] = 1;
    const list = byKey.get(key) ?? [];
    const same = list.findIndex(([w]) => w === word);
    if (same >= 0) list[same] = [word, list[same]![1] | bit];
    else list.push([word, bit]);
    byKey.set(key, list);
  }
}

/** Every gate word of `kinds` (bits), for building regular expressions that find them natively. */
export function gateWords(kinds: number): string[] {
  const out: string[] = [];
  for (const list of byKey.values())
    for (const [word, bits] of list) if ((bits & kinds) !== 0 && !word.endsWith('_')) out.push(word);
  return out;
}

/** The gate prefixes (`xp_`, `dbms_`...). */
export function gatePrefixes(): string[] {
  const out: string[] = [];
  for (const list of byKey.values()) for (const [word] of list) if (word.endsWith('_')) out.push(word);
  return out;
}

function keyOf(first: number, length: number): number {
  return ((first | 32) - 96) * (MAX_WORD + 1) + length;
}

/**
 * The gate bits of the word `value[start, end)` (ASCII letters, digits, `_`), compared case-insensitively
 * without allocating: 0 for the vast majority of words, found by their first letter and length alone.
 */
export function gateWord(value: string, start: number, end: number): number {
  const length = end - start;
  if (length < 2 || length > MAX_WORD) return 0;
  const first = value.charCodeAt(start) | 32;
  if (first < 97 || first > 122) return 0;
  let bits = 0;
  const exact = keyOf(first, length);
  if (candidates[exact] === 1) bits |= match(value, start, length, byKey.get(exact)!, false);
  // Prefixes all end in `_` at the third to fifth character: `xp_`, `utl_`, `dbms_`.
  const underscore =
    value.charCodeAt(start + 2) === 95 ||
    value.charCodeAt(start + 3) === 95 ||
    value.charCodeAt(start + 4) === 95;
  const prefix = keyOf(first, 0);
  if (underscore && candidates[prefix] === 1) bits |= match(value, start, length, byKey.get(prefix)!, true);
  return bits;
}

function match(
  value: string,
  start: number,
  length: number,
  words: ReadonlyArray<readonly [string, number]>,
  prefix: boolean,
): number {
  let bits = 0;
  for (const [word, bit] of words) {
    if (prefix ? word.length > length : word.length !== length) continue;
    let k = 0;
    while (k < word.length && lower(value.charCodeAt(start + k)) === word.charCodeAt(k)) k++;
    if (k === word.length) bits |= bit;
  }
  return bits;
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}
