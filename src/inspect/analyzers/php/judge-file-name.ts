import type { Hit } from './hit.js';

// Extensions a PHP handler executes, and the config files that make other extensions executable.
const SCRIPT_EXTENSION = /^(?:php\d*|phps|phtml|pht|phpt|phar|pgif)$/;
const CONFIG_FILE = /^(?:\.htaccess|\.user\.ini|php\.ini)$/;
// PHP session files (`sess_` + id) are unserialized by the session handler when a session id names them.
const SESSION_FILE = /^sess_[A-Za-z0-9,-]{20,}$/i;

const MAX_NAME = 1024;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

// `shell.php. .` → `shell.php`, `photo. php` → `photo.php`: Windows drops trailing dots and spaces, and
// spaces around a dot are noise. Hand-written, as the regex forms backtrack on long runs of spaces.
function canonical(base: string): string {
  let end = base.length;
  while (end > 0 && (isSpace(base.charCodeAt(end - 1)) || base.charCodeAt(end - 1) === 46)) end--;
  let out = '';
  for (let i = 0; i < end; i++) {
    const c = base.charCodeAt(i);
    if (!isSpace(c)) {
      out += base[i];
      continue;
    }
    let j = i;
    while (j < end && isSpace(base.charCodeAt(j))) j++;
    // Keep a run of spaces only when no dot touches it.
    if (base.charCodeAt(j) !== 46 && base.charCodeAt(i - 1) !== 46) out += base.slice(i, j);
    i = j - 1;
  }
  return out;
}

/**
 * An uploaded file name that PHP would run or load: a script extension (harder when hidden behind
 * trailing dots or spaces that Windows strips, or a double extension that Apache honours), a config
 * override, or a session file name.
 */
export function judgeFileName(raw: string): Hit | undefined {
  const name = raw.length > MAX_NAME ? raw.slice(0, MAX_NAME) : raw;
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const trimmed = canonical(base);
  const evaded = trimmed !== base;
  const lower = trimmed.toLowerCase();
  if (SESSION_FILE.test(lower)) return { rule: 'session-file', confidence: 0.9, evidence: raw };
  if (CONFIG_FILE.test(lower)) return { rule: 'script-upload', confidence: 0.9, evidence: raw };
  const parts = lower.split('.');
  if (parts.length < 2) return undefined;
  if (SCRIPT_EXTENSION.test(parts[parts.length - 1]!))
    return { rule: 'script-upload', confidence: evaded ? 1 : 0.9, evidence: raw };
  // `shell.php.jpg` runs under Apache's multi-extension handling; `shell. php.jpg` is also evasive.
  if (parts.slice(1, -1).some((p) => SCRIPT_EXTENSION.test(p)))
    return { rule: 'script-upload', confidence: evaded ? 0.9 : 0.7, evidence: raw };
  return undefined;
}
