import type { ProbeHit } from './probe-hit.js';

// Files that hold secrets or source control state: asking for them is reconnaissance.
const SECRET_SEGMENTS: ReadonlySet<string> = new Set(
  `.env .git .svn .hg .bzr .aws .ssh .docker .kube .npmrc .pypirc .htpasswd .htaccess .ds_store
  .git-credentials .netrc .bash_history .zsh_history .mysql_history id_rsa id_dsa id_ecdsa id_ed25519 .vscode
  .idea web.config wp-config.php .user.ini credentials.json secrets.json`.split(/\s+/),
);
const SECRET_EXTENSIONS = /\.(?:pem|key|p12|pfx|jks|keystore|kdbx|ppk)$/;
// Backups and dumps left next to the code: `index.php~`, `db.sql`, `site.bak`, `dump.rdb`.
const BACKUP = /(?:~|\.(?:bak|backup|old|orig|save|sav|swp|swo|sql|dump|db|sqlite3?|rdb|mdb|dbf))$/;
const BACKUP_ARCHIVE =
  /^(?:backup|backups|site|www|db|database|dump|htdocs|public_html|wwwroot|web)\.(?:zip|rar|7z|tar|tgz|tar\.gz)$/;
// Admin consoles and debug endpoints of common servers and frameworks.
const CONSOLES: ReadonlySet<string> = new Set(
  `phpmyadmin pma myadmin adminer adminer.php server-status server-info jmx-console web-console telescope
  _profiler _ignition phpinfo.php info.php eval-stdin.php elmah.axd trace.axd boaform hnap1 shell.php cmd.php
  c99.php r57.php webshell.php`.split(/\s+/),
);
const ACTUATOR =
  /^(?:env|heapdump|jolokia|gateway|mappings|configprops|threaddump|logfile|trace|httptrace|beans|shutdown)$/;
const WORDPRESS = /^(?:wp-admin|wp-login\.php|xmlrpc\.php)$/;
// The editor or deploy backup of a server-side script (`index.php~`, `config.php.bak`): the server sends
// its source as text. No page links to one; asking for it is reading the code, not looking around.
const SCRIPT_BACKUP =
  /\.(?:php\d?|phtml|inc|asp|aspx|ascx|asmx|jsp|jspx|cfm|cgi|pl|py|rb|config|conf|ini)(?:~|\.(?:bak|backup|old|orig|save|swp|swo|tmp|copy|dist))$/;
// Redis's dump file: the whole data store, which no site publishes.
const DATA_DUMP = /\.rdb$/;
// A server-side include file (`header.inc`, `index.jsp.inc`): code the server splices into its pages, sent
// as text when asked for by name.
const INCLUDE_SOURCE = /\.inc$/;

// Every probe above has one of these in its path; ordinary paths skip the segment walk.
const ANY_PROBE =
  /(?:^|\/)(?:\.|phpmyadmin|pma|myadmin|adminer|server-|jmx-|web-console|telescope|_profiler|_ignition|phpinfo|info\.php|eval-stdin|elmah|trace\.axd|boaform|hnap1|shell\.php|cmd\.php|c99|r57|webshell|actuator|phpunit|wp-|xmlrpc|id_|credentials|secrets|web\.config|backup|site|www|db|database|dump|htdocs|public_html|wwwroot|web)|~|%|\.(?:bak|backup|old|orig|save|sav|swp|swo|tmp|copy|dist|sql|dump|db|sqlite3?|rdb|mdb|dbf|pem|key|p12|pfx|jks|keystore|kdbx|ppk|inc)(?:\/|$)/i;

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment.toLowerCase();
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return segment.toLowerCase();
  }
}

/**
 * A path scanners probe for: backups of server-side scripts, include files and data-store dumps, which disclose source
 * or data (0.9); secrets and VCS files (0.5), other backups and dumps, admin consoles and debug
 * endpoints (0.4), WordPress paths on a site not declared WordPress (0.3).
 */
export function findProbePath(path: string, wordpress: boolean): ProbeHit | undefined {
  if (!ANY_PROBE.test(path)) return undefined;
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map(decodeSegment);
  let best: ProbeHit | undefined;
  const keep = (rule: string, confidence: number, segment: string) => {
    if (confidence > (best?.confidence ?? 0)) best = { rule, confidence, evidence: segment };
  };
  for (let i = 0; i < segments.length && i < 32; i++) {
    const s = segments[i]!;
    if (s === '.well-known') return undefined;
    if (SECRET_SEGMENTS.has(s) || s.startsWith('.env.')) keep('secret-file', 0.5, s);
    if (CONSOLES.has(s)) keep('admin-console', 0.4, s);
    if (s === 'actuator' && ACTUATOR.test(segments[i + 1] ?? ''))
      keep('admin-console', 0.4, `${s}/${segments[i + 1]}`);
    if (s === 'phpunit' && segments[i - 1] === 'vendor') keep('admin-console', 0.4, 'vendor/phpunit');
    if (!wordpress && WORDPRESS.test(s)) keep('wordpress-probe', 0.3, s);
    // A backup addressed with trailing path info too: `/index.php~/foo`.
    if (SCRIPT_BACKUP.test(s)) keep('source-disclosure', 0.9, s);
    else if (s.endsWith('~') && s.length > 1) keep('backup-file', 0.4, s);
  }
  const last = segments[segments.length - 1] ?? '';
  if (SECRET_EXTENSIONS.test(last)) keep('secret-file', 0.5, last);
  if (DATA_DUMP.test(last) || INCLUDE_SOURCE.test(last)) keep('source-disclosure', 0.9, last);
  if (BACKUP.test(last) || BACKUP_ARCHIVE.test(last)) keep('backup-file', 0.4, last);
  return best;
}
