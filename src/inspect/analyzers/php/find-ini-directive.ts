import type { Hit } from './hit.js';

// php.ini directives that disable protections, load code or reveal files when an attacker sets them
// (PHP-CGI `-d`, `PHP_VALUE`, uploaded `.user.ini`).
const DANGEROUS: ReadonlySet<string> = new Set(
  `auto_prepend_file auto_append_file allow_url_include allow_url_fopen disable_functions disable_classes
  open_basedir safe_mode extension extension_dir zend_extension include_path error_log sendmail_path engine
  cgi.force_redirect file_uploads upload_tmp_dir session.save_path short_open_tag register_globals
  magic_quotes_gpc display_errors log_errors error_reporting user_ini.filename phar.readonly mail.log doc_root
  user_dir assert.active unserialize_callback_func`.split(/\s+/),
);
// Other core directives, and the prefixes of extension directives (`opcache.jit`, `mbstring.language`).
const KNOWN: ReadonlySet<string> = new Set(
  `memory_limit max_execution_time max_input_time post_max_size upload_max_filesize max_input_vars precision
  serialize_precision output_buffering implicit_flush default_charset default_mimetype smtp smtp_port
  sendmail_from variables_order request_order html_errors track_errors realpath_cache_size expose_php
  auto_detect_line_endings default_socket_timeout unserialize_max_depth max_file_uploads`.split(/\s+/),
);
const PREFIXES =
  /^(?:opcache|session|mbstring|pcre|zend|mysqli|mysqlnd|pdo_mysql|xdebug|apc|apcu|date|phar|mail|sqlite3|curl|openssl|assert|cgi|fastcgi|intl|soap|bcmath|zlib|iconv|exif|ldap|odbc|pgsql|filter|highlight|url_rewriter|user_ini)\.[a-z0-9_.]+$/;
// Sections no other configuration format uses; `session.timeout` or `date.format` could be anyone's.
const PHP_SECTION =
  /^(?:opcache|mbstring|pcre|zend|mysqli|mysqlnd|pdo_mysql|xdebug|apc|apcu|phar|sqlite3|assert|cgi|fastcgi|bcmath|zlib|iconv|exif|intl|highlight|url_rewriter|user_ini)\./;
// What php.ini values look like: a switch, a number or size, a path or a shared library.
const INI_VALUE = /^(?:on|off|true|false|yes|no|none|-?\d+[kmg]?|[/\\~.].*|\S+\.(?:so|dll))$/i;
const LINE = /^\s*([A-Za-z_][\w.]*)\s*=\s*\S/;
const MAX_LINES = 64;

// A directive whose name only php.ini uses (`memory_limit`, `opcache.jit`, `session.referer_check`), not
// a word (`engine`, `smtp`), a shared section (`session.timeout`) or an environment variable
// (`ERROR_REPORTING=`, lower-cased here).
function isPhpOnly(key: string, spelled: string): boolean {
  if (spelled === spelled.toUpperCase()) return false;
  return PHP_SECTION.test(key) || key.includes('_');
}

function confidenceOf(spelled: string, value: string, single: boolean): number {
  const key = spelled.toLowerCase();
  const only = isPhpOnly(key, spelled);
  if (DANGEROUS.has(key)) return only || (single && INI_VALUE.test(value)) ? 0.9 : 0.85;
  if (!KNOWN.has(key) && !PREFIXES.test(key)) return 0;
  // `memory_limit = 512M` as all a value holds: a php.ini line, not a nested query string.
  return single && only ? 0.9 : 0.55;
}

/**
 * A `directive = value` line naming a php.ini directive: dangerous ones strongly, others strongly only
 * when the line is all the value holds.
 */
export function findIniDirective(text: string): Hit | undefined {
  let best: Hit | undefined;
  const lines = text.split('\n', MAX_LINES);
  const single = lines.length === 1 && !text.includes('&');
  for (const line of lines) {
    const m = LINE.exec(line);
    if (m === null) continue;
    const confidence = confidenceOf(m[1]!, line.slice(m[0].length - 1).trim(), single);
    if (confidence > (best?.confidence ?? 0))
      best = { rule: 'ini-directive', confidence, evidence: line.trim() };
  }
  return best;
}
