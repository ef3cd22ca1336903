// PHP's built-in functions by what a call gives an attacker. Vocabulary of the language, not payloads.

/** How dangerous a PHP function is when called from injected code. */
export const Tier = Object.freeze({ BUILTIN: 1, REACH: 2, EXEC: 3 });

const words = (list: string): string[] => list.trim().split(/\s+/);

/** Run programs or evaluate code, directly or through a callback. */
const EXEC = words(`
  system exec shell_exec passthru popen proc_open pcntl_exec eval assert assert_options create_function
  call_user_func call_user_func_array forward_static_call forward_static_call_array register_shutdown_function
  register_tick_function include include_once require require_once preg_replace dl mb_ereg_replace mb_eregi_replace
`);

/** Read or write files and sockets, reveal the environment, or decode hidden payloads. */
const REACH = words(`
  file_get_contents file_put_contents fopen fwrite fputs fread readfile file fpassthru unlink rmdir mkdir rename
  copy chmod chown chgrp chroot symlink link touch tempnam tmpfile move_uploaded_file opendir scandir glob readdir
  highlight_file show_source php_uname phpinfo phpversion getenv putenv get_current_user getmypid ini_set ini_get
  ini_restore ini_alter set_include_path fsockopen pfsockopen stream_socket_client stream_socket_server socket_create
  curl_init curl_exec curl_multi_exec curl_setopt ftp_connect mail unserialize var_dump print_r var_export
  debug_zval_dump get_defined_vars get_defined_functions get_defined_constants gethostbyname dns_get_record
  base64_decode str_rot13 gzinflate gzuncompress gzdecode bzdecompress convert_uudecode hex2bin strrev pack
  unpack urldecode rawurldecode chr extract parse_str array_map array_filter array_walk array_reduce usort uasort
  uksort preg_replace_callback preg_replace_callback_array iterator_apply ob_start set_error_handler
  set_exception_handler spl_autoload_register escapeshellcmd escapeshellarg posix_getpwuid posix_getuid posix_kill
  posix_setuid posix_mkfifo apache_setenv virtual serialize file_exists is_writable is_readable fileperms
`);

/** Everyday built-ins: a call to one of them is PHP syntax but not, by itself, a threat. */
const BUILTIN = words(`
  strlen substr strpos stripos strrpos str_replace str_ireplace str_repeat str_pad str_split str_word_count
  strtolower strtoupper ucfirst lcfirst ucwords trim ltrim rtrim explode implode join sprintf printf vsprintf
  vprintf fprintf sscanf number_format intval floatval strval boolval settype gettype is_array is_string is_int
  is_integer is_numeric is_null is_object is_bool is_float is_callable is_file is_dir is_link count sizeof
  in_array array_keys array_values array_merge array_slice array_splice array_diff array_diff_key array_intersect
  array_unique array_search array_push array_pop array_shift array_unshift array_flip array_reverse array_combine
  array_fill array_pad array_chunk array_column array_sum array_product array_key_exists array_rand
  sort rsort ksort krsort asort arsort shuffle range min max abs ceil floor round sqrt pow exp log log10 sin cos
  tan pi rand mt_rand mt_srand srand random_int random_bytes uniqid lcg_value md5 sha1 crc32 hash hash_hmac crypt
  password_hash password_verify htmlspecialchars htmlentities html_entity_decode strip_tags addslashes
  stripslashes addcslashes stripcslashes nl2br json_encode json_decode urlencode rawurlencode http_build_query
  parse_url base64_encode date time mktime strtotime checkdate date_add date_sub date_create date_diff date_format
  date_parse microtime sleep usleep define defined constant
  function_exists method_exists class_exists property_exists get_class get_object_vars get_class_methods
  compact each reset end next prev current key fgets fgetc fgetcsv fputcsv fclose feof fflush fseek ftell rewind
  ftruncate flock filesize filemtime fileatime filectime filegroup fileowner fileinode filetype stat lstat
  basename dirname pathinfo realpath getcwd chdir ord bin2hex dechex hexdec octdec decbin bindec base_convert
  levenshtein similar_text soundex metaphone wordwrap chunk_split strstr stristr strrchr substr_count
  substr_replace strcmp strcasecmp strncmp strncasecmp strnatcmp strtr quotemeta nl_langinfo setlocale iconv
  preg_match preg_match_all preg_split preg_quote preg_grep headers_sent header setcookie session_start
  error_reporting set_time_limit ignore_user_abort version_compare php_sapi_name memory_get_usage
  gc_collect_cycles class_implements iterator_to_array filter_var filter_input parse_ini_file parse_ini_string
  highlight_string php_strip_whitespace gethostname getmyuid getmygid getlastmod getrusage sys_getloadavg
  sys_get_temp_dir func_get_args func_num_args checkdnsrr getmxrr gethostbyaddr ip2long long2ip intdiv fmod
  hypot deg2rad rad2deg gzcompress gzencode gzdeflate gzopen bzopen bzcompress debug_backtrace error_log
  trigger_error user_error fnmatch disk_free_space disk_total_space is_uploaded_file readlink date_default_timezone_set
`);

const TIERS = new Map<string, number>();
for (const name of BUILTIN) TIERS.set(name, Tier.BUILTIN);
for (const name of REACH) TIERS.set(name, Tier.REACH);
for (const name of EXEC) TIERS.set(name, Tier.EXEC);

/**
 * Extension prefixes whose functions are all PHP (`pg_`, `ldap_`, `sodium_crypto_`...): a made-up name
 * with one of them is still written for PHP. Generic prefixes (`get_`, `str_`, `is_`) are left out.
 */
const PREFIXES = words(`
  pg_ ldap_ odbc_ tidy_ zend_ posix_ pcntl_ mysqli_ mysql_ sqlite_ oci_ ibase_ imap_ curl_ ftp_ ssh2_ proc_ shm_
  sem_ openssl_ mcrypt_ zlib_ libxml_ simplexml_ xmlwriter_ iconv_ mb_ preg_ ctype_ spl_ apache_ exif_ gmp_ finfo_
  opcache_ apcu_ grapheme_ idn_ numfmt_ collator_ msgfmt_ intl_ dba_ enchant_ gnupg_ pspell_ readline_ snmp_
  sodium_crypto_ xdebug_ mhash_ pdo_
`);
/** Prefixes PHP shares with SQL functions and everyday snake_case code (`json_extract`, `date_range`). */
const SHARED_PREFIXES = words(`
  socket_ msg_ json_ ob_ func_ ini_ yaml_ zip_ stream_ hash_ date_ timezone_ array_
`);

function hasPrefix(name: string, prefixes: readonly string[]): boolean {
  for (const prefix of prefixes) {
    if (name.length > prefix.length + 2 && name.startsWith(prefix)) return true;
  }
  return false;
}

/** The tier of a lower-cased function name, 0 when PHP has no such function. */
export function phpFunctionTier(name: string): number {
  const tier = TIERS.get(name);
  if (tier !== undefined) return tier;
  return hasPrefix(name, PREFIXES) || hasPrefix(name, SHARED_PREFIXES) ? Tier.BUILTIN : 0;
}

/**
 * Whether a lower-cased name is PHP's own: a built-in by name, or an extension prefix no other language
 * uses. A made-up `json_response` or `date_range` is everyday snake_case, not necessarily PHP.
 */
export function isPhpName(name: string): boolean {
  return TIERS.has(name) || hasPrefix(name, PREFIXES);
}
