import type { UrlSpan } from '../ssrf/find-urls.js';

// PHP stream wrappers that turn a file include into source disclosure (php://filter), code execution
// (php://input, data://, expect://) or archive tricks (phar://, zip://).
const WRAPPERS = new Map([
  ['php', 1],
  ['expect', 1],
  ['phar', 0.95],
  ['zip', 0.9],
  ['data', 0.9],
  ['compress.zlib', 0.9],
  ['compress.bzip2', 0.9],
  ['zlib', 0.9],
  ['ssh2.shell', 0.9],
  ['ssh2.exec', 0.9],
  ['ssh2.sftp', 0.85],
  ['glob', 0.8],
  ['rar', 0.8],
  ['ogg', 0.8],
]);

/** The scheme names of PHP stream wrappers that matter for file inclusion. */
export const PHP_WRAPPERS: ReadonlySet<string> = new Set(WRAPPERS.keys());

/** The confidence that a `scheme://` opening is a PHP stream wrapper used for file inclusion, 0 if none. */
export function phpWrapperConfidence(url: UrlSpan): number {
  if (url.slashes < 2) return 0;
  return WRAPPERS.get(url.scheme) ?? 0;
}
