/** A request path that asks for a file a web server should never hand out. */
export interface RestrictedHit {
  readonly rule: 'traversal/hidden-file' | 'traversal/restricted-file';
  readonly confidence: number;
  readonly start: number;
  readonly end: number;
}

// Tool and agent configuration directories: they hold credentials, tokens and instructions.
const DEV_DIRS = new Set([
  '.vscode',
  '.idea',
  '.github',
  '.gitlab',
  '.circleci',
  '.terraform',
  '.vagrant',
  '.config',
  '.claude',
  '.cursor',
  '.continue',
  '.aider',
  '.roo',
  '.zed',
  '.cline',
  '.kiro',
  '.windsurf',
  '.codex',
  '.opencode',
  '.junie',
  '.gemini',
]);

// Backups, dumps, logs, keys and local databases: served by accident, never on purpose.
const EXTENSIONS: ReadonlyMap<string, number> = new Map([
  ['env', 1],
  ['tfstate', 1],
  ['key', 0.95],
  ['kdbx', 0.95],
  ['pem', 0.9],
  ['ovpn', 0.9],
  ['sql', 1],
  ['bak', 0.85],
  ['backup', 0.85],
  ['swp', 0.85],
  ['swo', 0.85],
  ['sqlite', 0.85],
  ['sqlite3', 0.85],
  ['mdb', 0.85],
  ['old', 0.8],
  ['orig', 0.8],
  ['save', 0.8],
  ['log', 0.85],
]);
const ARCHIVES = new Set(['zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'tar']);
const CONFIG_EXT = /\.(?:json|ya?ml|toml|ini|conf|cfg|config|xml|md|sh|txt|env|js)$/;
// Files a tool keeps in its dot directory without an extension (`/.n8n/config`, `/.aws/credentials`).
const CONFIG_NAMES = new Set(['config', 'credentials', 'settings', 'secrets', 'token', 'auth', 'database']);
// Logs that web applications and servers write under their web root (WordPress `debug.log`, PHP
// `error_log`): never linked, only fetched by someone looking for paths, queries and secrets in them.
const WEB_LOGS = /^(?:debug|errors?|access|php[_-]?errors?|laravel|development|production|install)\.log$/;

function hiddenConfidence(seg: string, last: boolean, next: string): number {
  if (seg === '.well-known' || seg.startsWith('..')) return 0;
  if (DEV_DIRS.has(seg)) return 1;
  if (/^\.[a-z]*ignore$/.test(seg)) return 0.95; // `.gitignore`, `.cursorignore`: a map of the repository
  if (!last && (CONFIG_EXT.test(next) || CONFIG_NAMES.has(next))) return 0.95;
  return 0.8;
}

function extensionConfidence(path: string, start: number): number {
  if (path.endsWith('~')) return 0.8;
  const dot = path.lastIndexOf('.');
  if (dot <= start) return 0;
  const ext = path.slice(dot + 1);
  if (ext === 'log' && WEB_LOGS.test(path.slice(start))) return 0.95;
  const direct = EXTENSIONS.get(ext);
  if (direct !== undefined) return direct;
  if (!ARCHIVES.has(ext)) return 0;
  // `backup.sql.zip`, `site.bak.tar.gz`: a dump or backup, archived.
  const parts = path.slice(start, dot).split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const inner = EXTENSIONS.get(parts[i]!);
    if (inner !== undefined && parts[i] !== 'log') return inner;
  }
  return 0;
}

/** A cheap test that a request path may hold a hidden segment or a restricted extension. */
export function mayBeRestricted(path: string): boolean {
  if (path.includes('/.') || path.endsWith('~')) return true;
  const dot = path.lastIndexOf('.');
  if (dot < path.lastIndexOf('/') || dot === path.length - 1) return false;
  const ext = path.slice(dot + 1).toLowerCase();
  return EXTENSIONS.has(ext) || ARCHIVES.has(ext);
}

/**
 * Looks at a lower-cased request path for hidden files and directories (`/.git/`, `/.claude/`, any dot
 * segment but `.well-known`) and for backup, dump, log and key files by extension.
 * @example findRestricted('/backup.sql.zip') // { rule: 'traversal/restricted-file', confidence: 0.9, ... }
 */
export function findRestricted(path: string): RestrictedHit | undefined {
  let best: RestrictedHit | undefined;
  let start = 0;
  while (start < path.length) {
    let end = path.indexOf('/', start);
    if (end < 0) end = path.length;
    const last = end >= path.length;
    if (end - start > 1 && path.charCodeAt(start) === 46) {
      const nextEnd = path.indexOf('/', end + 1);
      const next = last ? '' : path.slice(end + 1, nextEnd < 0 ? path.length : nextEnd);
      const confidence = hiddenConfidence(path.slice(start, end), last, next);
      if (confidence > (best?.confidence ?? 0))
        best = { rule: 'traversal/hidden-file', confidence, start, end };
    }
    if (last && end - start > 1) {
      const confidence = extensionConfidence(path, start);
      if (confidence > (best?.confidence ?? 0))
        best = { rule: 'traversal/restricted-file', confidence, start, end };
    }
    start = end + 1;
  }
  return best;
}
