import { SENSITIVE_BY_FIRST, SENSITIVE_PREFIXES } from './sensitive-paths.js';

/** What the path-like tokens of a value hold: dot-dot runs and sensitive targets. */
export interface PathScan {
  /** Longest run of `..` segments (with `./` and empty segments between them allowed). */
  dotRun: number;
  /** The run used a filter-evading spelling: `...`, `....//`, `..;/`. */
  dotEvasion: boolean;
  dotStart: number;
  dotEnd: number;
  /** Strongest sensitive path found, 0 when none. */
  sensitive: number;
  sensitiveStart: number;
  sensitiveEnd: number;
  /** The sensitive path came right after a dot-dot run. */
  sensitiveAfterDots: boolean;
  /** A token started at a filesystem root (`/`, `\`, `C:\`, `~/`, `file:`). */
  rooted: boolean;
  /** Inside a token with `://`: a URL whose path a browser would normalize. */
  dotsInUrl: boolean;
}

// Characters that end a path token: whitespace, quotes, shell and query punctuation.
const DELIMITER = new Uint8Array(128);
for (let c = 0; c <= 32; c++) DELIMITER[c] = 1;
for (const ch of `"'<>|;&,()=?#\`$^{}[]*!`) DELIMITER[ch.charCodeAt(0)] = 1;

function isSeparator(c: number): boolean {
  return c === 47 || c === 92;
}

function dotKind(lower: string, start: number, end: number): 0 | 1 | 2 {
  // 1: `..`; 2: an evasive spelling (`...`, `....`, `..;jsessionid`); 0: not a dot-dot segment.
  const len = end - start;
  if (len < 2 || lower.charCodeAt(start) !== 46 || lower.charCodeAt(start + 1) !== 46) return 0;
  if (len === 2) return 1;
  if (lower.charCodeAt(start + 2) === 59) return 2; // Tomcat drops `;...` from a segment: `..;/`
  for (let i = start + 2; i < end; i++) if (lower.charCodeAt(i) !== 46) return 0;
  return 2;
}

function isRootish(lower: string, start: number, end: number): boolean {
  const len = end - start;
  if (len === 0) return true;
  const c = lower.charCodeAt(start);
  if (len === 1) return c === 46 || c === 126; // `.` or `~`
  if (len === 2)
    return (c === 46 && lower.charCodeAt(start + 1) === 46) || lower.charCodeAt(start + 1) === 58;
  return len === 5 && lower.startsWith('file:', start);
}

// Whether the segments after `end` spell `rest` (`*` matching any one segment); returns where they end.
function matchRest(lower: string, end: number, to: number, rest: readonly string[]): number {
  let at = end;
  for (const want of rest) {
    while (at < to && isSeparator(lower.charCodeAt(at))) at++;
    let stop = at;
    while (stop < to && !isSeparator(lower.charCodeAt(stop))) stop++;
    if (stop === at) return -1;
    if (want !== '*' && (stop - at !== want.length || !lower.startsWith(want, at))) return -1;
    at = stop;
  }
  return at;
}

function checkSensitive(
  lower: string,
  seg: readonly [number, number],
  to: number,
  atRoot: boolean,
  inPath: boolean,
  out: PathScan,
): boolean {
  // Two characters rule out almost every segment before a string is cut and hashed.
  const a = lower.charCodeAt(seg[0]);
  const b = lower.charCodeAt(seg[0] + 1);
  if (a >= 128 || b >= 128 || SENSITIVE_PREFIXES[(a << 7) | b] !== 1) return false;
  const entries = SENSITIVE_BY_FIRST.get(lower.slice(seg[0], seg[1]));
  if (entries === undefined) return false;
  let hit = false;
  for (const entry of entries) {
    if (entry.confidence <= out.sensitive) continue;
    if ((entry.valuesOnly && inPath) || (entry.rooted && !atRoot)) continue;
    const end = matchRest(lower, seg[1], to, entry.segments.slice(1));
    if (end < 0) continue;
    out.sensitive = entry.confidence;
    out.sensitiveStart = seg[0];
    out.sensitiveEnd = end;
    hit = true;
  }
  return hit;
}

function scanToken(lower: string, from: number, to: number, inPath: boolean, out: PathScan): void {
  const first = lower.charCodeAt(from);
  const rooted =
    isSeparator(first) ||
    first === 126 ||
    (lower.charCodeAt(from + 1) === 58 && first >= 97 && first <= 122) ||
    lower.startsWith('file:', from);
  let run = 0;
  let evasive = false;
  let runStart = -1;
  let afterRun = false;
  let prevStart = -1;
  let prevEnd = -1;
  let segStart = from;
  for (let i = from; i <= to; i++) {
    if (i < to && !isSeparator(lower.charCodeAt(i))) continue;
    const segEnd = i;
    const start = segStart;
    segStart = i + 1;
    if (segEnd === start) continue;
    let kind = dotKind(lower, start, segEnd);
    // A dot run counts when a separator follows (`../`, `...\`), or ends a climb already under way:
    // a lone `...` is an ellipsis, `/get/..` a harmless trailing segment.
    if (kind !== 0 && segEnd >= to && run === 0) kind = 0;
    if (kind !== 0) {
      if (run === 0) runStart = start;
      run++;
      evasive ||= kind === 2;
      if (run > out.dotRun || (run === out.dotRun && evasive && !out.dotEvasion)) {
        out.dotRun = run;
        out.dotEvasion = evasive;
        out.dotStart = runStart;
        out.dotEnd = segEnd;
        const scheme = lower.indexOf('://', from);
        out.dotsInUrl = scheme >= 0 && scheme < to;
      }
      afterRun = true;
      prevStart = start;
      prevEnd = segEnd;
      continue;
    }
    if (dotKind(lower, start, segEnd) !== 0) continue;
    if (segEnd - start === 1 && lower.charCodeAt(start) === 46) continue; // `./`
    const atRoot = prevStart < 0 ? rooted : isRootish(lower, prevStart, prevEnd);
    // `c:windows/system32`: a drive-relative path glues its first directory to the drive letter.
    const drive =
      prevStart < 0 &&
      segEnd - start > 2 &&
      lower.charCodeAt(start + 1) === 58 &&
      lower.charCodeAt(start) >= 97 &&
      lower.charCodeAt(start) <= 122;
    if (checkSensitive(lower, [drive ? start + 2 : start, segEnd], to, atRoot, inPath, out)) {
      out.sensitiveAfterDots = afterRun && run > 0;
      out.rooted = rooted || out.sensitiveAfterDots;
    }
    run = 0;
    evasive = false;
    afterRun = false;
    prevStart = start;
    prevEnd = segEnd;
  }
}

/**
 * Splits a lower-cased value into path-like tokens and reads each: the longest `..` run (in `/` or `\`
 * form, with evasive spellings noted) and the strongest sensitive file or directory it names.
 * @example scanPaths('../../etc/passwd', false).dotRun // 2
 */
export function scanPaths(lower: string, inPath: boolean): PathScan {
  const out: PathScan = {
    dotRun: 0,
    dotEvasion: false,
    dotStart: 0,
    dotEnd: 0,
    sensitive: 0,
    sensitiveStart: 0,
    sensitiveEnd: 0,
    sensitiveAfterDots: false,
    rooted: false,
    dotsInUrl: false,
  };
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    // `..;/` is a Tomcat path parameter on a dot segment, not the end of the path.
    const tomcat = c === 59 && lower.charCodeAt(i - 1) === 46 && lower.charCodeAt(i - 2) === 46;
    const delimiter = c < 128 && DELIMITER[c] === 1 && !tomcat;
    if (!delimiter) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) scanToken(lower, start, i, inPath, out);
    start = -1;
  }
  return out;
}
