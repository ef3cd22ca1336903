import { scanPaths } from '../traversal/scan-paths.js';
import { globMatch } from './glob-match.js';

// Files whose globbed spelling (`/e??/p?ss*`) is reason enough on its own.
const GLOB_TARGETS = [
  '/etc/passwd',
  '/etc/shadow',
  '/etc/group',
  '/etc/hosts',
  '/etc/hostname',
  '/etc/issue',
  '/etc/sudoers',
  '/proc/self/environ',
  '/proc/version',
  '/root/.bash_history',
  '/root/.ssh/id_rsa',
  '/bin/sh',
  '/bin/bash',
];

// System directories: `/???` matches many, so their glob must spell some letters (`/[e]tc`, `/e?c`).
const GLOB_DIRECTORIES = ['/etc', '/proc', '/root'];
const MIN_LITERAL_LETTERS = 2;

// Letters written outside `[…]` classes.
function literalLetters(pattern: string): number {
  let n = 0;
  let inClass = false;
  for (const c of pattern) {
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (!inClass && /[a-z]/i.test(c)) n++;
  }
  return n;
}

/** A globbed path that only matches a well-known sensitive file, shell or directory (`/et*\/pa??wd`). */
export function isGlobbedSensitive(arg: string): boolean {
  if (!/[*?[]/.test(arg) || !arg.startsWith('/')) return false;
  if (GLOB_TARGETS.some((target) => globMatch(arg, target))) return true;
  if (arg.includes('*') || literalLetters(arg) < MIN_LITERAL_LETTERS) return false;
  return GLOB_DIRECTORIES.some((dir) => globMatch(arg.endsWith('/') ? arg.slice(0, -1) : arg, dir));
}

/** How sensitive the file an argument names is (0 when not): `/etc/passwd` 1, `/var/log/x` 0.85. */
export function sensitiveArg(arg: string): number {
  if (arg.length < 3) return 0;
  if (isGlobbedSensitive(arg)) return 1;
  if (!arg.includes('/') && !arg.includes('\\') && arg[0] !== '.') return 0;
  return scanPaths(arg.toLowerCase(), false).sensitive;
}
