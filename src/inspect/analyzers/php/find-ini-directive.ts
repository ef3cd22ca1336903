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
  auto_detect_line_endings default_socket_timeout user_agent unserialize_max_depth max_file_uploads`.split(
    /\s+/,
  ),
);
const PREFIXES =
  /^(?:opcache|session|mbstring|pcre|zend|mysqli|mysqlnd|pdo_mysql|xdebug|apc|apcu|date|phar|mail|sqlite3|curl|openssl|assert|cgi|fastcgi|intl|soap|bcmath|zlib|iconv|exif|ldap|odbc|pgsql|filter|highlight|url_rewriter|user_ini)\.[a-z0-9_.]+$/;
const LINE = /^\s*([A-Za-z_][\w.]*)\s*=\s*\S/;
const MAX_LINES = 64;

/** A `directive = value` line naming a php.ini directive: dangerous ones strongly, others weakly. */
export function findIniDirective(text: string): Hit | undefined {
  let best: Hit | undefined;
  const lines = text.split('\n', MAX_LINES);
  for (const line of lines) {
    const m = LINE.exec(line);
    if (m === null) continue;
    const key = m[1]!.toLowerCase();
    const confidence = DANGEROUS.has(key) ? 0.85 : KNOWN.has(key) || PREFIXES.test(key) ? 0.55 : 0;
    if (confidence > (best?.confidence ?? 0))
      best = { rule: 'ini-directive', confidence, evidence: line.trim() };
  }
  return best;
}
