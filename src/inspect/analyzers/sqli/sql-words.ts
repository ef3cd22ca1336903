// Word classes of the SQL dialects attacked through web apps (MySQL, MSSQL, PostgreSQL, Oracle, SQLite).
// Lower-case; a qualified name (`master..xp_cmdshell`) is looked up by its last part (see `lastPart`).

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Boolean connectives (`||` and `&&` are operators, handled by the folder). */
export const LOGIC_WORDS = words('and or xor');

/** Comparison words; `is`, `in`, `between` take special operands. */
export const COMPARISON_WORDS = words('like rlike regexp ilike glob sounds similar match is in between');

/** Arithmetic words. */
export const ARITHMETIC_WORDS = words('div mod');

/** Words that are literals. */
export const LITERAL_WORDS = words('null true false unknown');

/** Words that start a statement, stacked after `;` or directly after a closed literal (MSSQL). */
export const STATEMENT_WORDS =
  words(`select insert update delete drop create alter truncate exec execute declare
  shutdown waitfor grant revoke call load copy merge set begin if while rename handler replace use kill
  backup restore dbcc reconfigure`);

/** Set operators that combine two selects. */
export const UNION_WORDS = words('union intersect except minus');

/** Clause keywords: reserved, never an operand. */
export const CLAUSE_WORDS =
  words(`from where group order by having limit offset into outfile dumpfile as on join
  inner outer left right cross natural values table all distinct top procedure collate escape asc desc then else
  when end using for fetch rows only with nowait returning`);

/** Functions that delay the response (time-based blind injection). */
export const DELAY_FUNCTIONS = words(`sleep benchmark pg_sleep pg_sleep_for pg_sleep_until receive_message`);

/** Functions that keep the server busy when given a huge count (heavy-query delays): `repeat('a',5e8)`. */
export const HEAVY_FUNCTIONS = words('randomblob zeroblob repeat replicate');

/** Functions whose errors leak data (error-based injection). */
export const ERROR_FUNCTIONS = words(`extractvalue updatexml name_const geometrycollection polygon multipoint
  multilinestring multipolygon linestring gtid_subset gtid_subtract exp json_keys xmltype ctxsys getxml`);

/** Functions and procedures that reach the file system, the network or the OS. */
export const SYSTEM_ROUTINES =
  words(`xp_cmdshell xp_dirtree xp_regread xp_regwrite xp_fileexist xp_servicecontrol
  xp_availablemedia xp_subdirs xp_ntsec_enumdomains xp_terminate_process xp_loginconfig xp_enumgroups
  sp_oacreate sp_oamethod sp_executesql sp_makewebtask sp_addextendedproc sp_configure sp_password sp_addlogin
  sp_addsrvrolemember sp_execute_external_script openrowset opendatasource openquery load_file pg_read_file
  pg_read_binary_file pg_ls_dir lo_import lo_export lo_get lo_put lo_from_bytea sys_exec sys_eval`);

/** Oracle packages that reach the network or the file system (`utl_http.request(...)`). */
export const SYSTEM_PACKAGES = words('utl_http utl_inaddr utl_file utl_tcp utl_smtp dbms_ldap dbms_java');

/** Functions that report the server, the database or the user: the first thing an injection asks. */
export const INFO_FUNCTIONS =
  words(`version database schema user current_user system_user session_user db_name
  user_name suser_name suser_sname host_name sqlite_version current_database current_schema connection_id
  last_insert_id found_rows row_count current_setting`);

/** Server variables with the same purpose. */
export const INFO_VARIABLES = words(`@@version @@datadir @@hostname @@basedir @@tmpdir @@version_compile_os
  @@servername @@language @@spid @@global.version`);

/** Functions used to build or slice the data an injection extracts. */
export const SQL_FUNCTIONS =
  words(`concat concat_ws group_concat char chr nchar ascii ord unicode substring substr
  mid left right hex unhex length len char_length count if iif ifnull isnull coalesce nullif cast convert lower
  upper md5 sha1 conv elt make_set export_set aes_encrypt aes_decrypt rand floor string_agg listagg xmlagg instr
  locate position replace reverse lpad rpad bin oct quotename object_name has_dbaccess is_srvrolemember
  is_member updatexml extractvalue sleep benchmark load_file pg_sleep cast charset collation`);

/**
 * Built-in functions of the dialects, beyond those above: what a call cut open (`abs(`, `now (`) or a
 * select list can name. Words of English among them (`date`, `round`) only count in SQL structure.
 */
export const BUILTIN_FUNCTIONS =
  words(`abs acos asin atan atan2 avg bit_and bit_count bit_length bit_or bit_xor
  ceil ceiling character_length coercibility compress uncompress uncompressed_length connection_id convert_tz cos
  cot crc32 curdate curtime current_date current_time current_timestamp date date_add date_format date_sub
  datediff day dayname dayofmonth dayofweek dayofyear decode default degrees des_decrypt des_encrypt encode
  encrypt exp extract field find_in_set format from_base64 from_days from_unixtime get_lock greatest hour
  inet_aton inet_ntoa insert is_free_lock is_used_lock last_day lcase least ln localtime localtimestamp log
  log10 log2 ltrim makedate maketime max microsecond min minute month monthname now octet_length old_password
  password period_add period_diff pi pow power quarter quote radians random_bytes release_lock repeat round
  rtrim second sec_to_time sha2 sign sin soundex space sqrt std stddev str_to_date strcmp subdate
  substring_index subtime sum sysdate tan time time_format time_to_sec timediff timestamp to_base64 to_days
  trim ucase unix_timestamp utc_date utc_time utc_timestamp uuid values var_pop variance week weekday
  weekofyear year yearweek json_extract json_search json_array json_object json_keys json_valid json_contains
  json_length json_type json_unquote json_build_object jsonb_pretty to_char to_number to_date starts_with unistr
  overlay nvl nvl2 decode instrb dbms_xmlgen datalength patindex charindex stuff
  sqlite_version sqlite_compileoption_used sqlite_compileoption_get randomblob zeroblob typeof unicode likely
  unlikely likelihood generate_series string_agg array_agg analyse coercibility`);

/** Catalogs that list tables and columns, or hold credentials. */
export const SCHEMA_NAMES = words(`information_schema mysql.user mysql.db sysobjects syscolumns sysusers
  sysdatabases sys.objects sys.tables sys.columns sys.databases sys.sql_logins sys.server_principals
  pg_catalog pg_shadow pg_user pg_database pg_tables pg_namespace pg_class pg_authid all_tables all_users
  all_tab_columns user_tables user_tab_columns dba_users dba_tables v$version sqlite_master sqlite_schema
  msysobjects msysaccessobjects msysqueries msysrelationships tempdb msdb rdb$fields rdb$types rdb$relations rdb$collations`);

/** The last part of a qualified name: `master..xp_cmdshell` → `xp_cmdshell`. */
export function lastPart(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}

/** The first part of a qualified name: `information_schema.tables` → `information_schema`. */
export function firstPart(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/** Bit flags of a word's meaning to the rules, computed once per token by the folder. */
export const WORD_FLAG = Object.freeze({
  delay: 1,
  error: 2,
  system: 4,
  info: 8,
  sqlFunction: 16,
  schema: 32,
  systemPackage: 64,
  builtin: 128,
  heavy: 256,
});

const FLAGGED: ReadonlyArray<readonly [ReadonlySet<string>, number]> = [
  [DELAY_FUNCTIONS, WORD_FLAG.delay],
  [ERROR_FUNCTIONS, WORD_FLAG.error],
  [SYSTEM_ROUTINES, WORD_FLAG.system],
  [INFO_FUNCTIONS, WORD_FLAG.info],
  [SQL_FUNCTIONS, WORD_FLAG.sqlFunction],
  [SCHEMA_NAMES, WORD_FLAG.schema],
  [SYSTEM_PACKAGES, WORD_FLAG.systemPackage],
  [BUILTIN_FUNCTIONS, WORD_FLAG.builtin],
  [HEAVY_FUNCTIONS, WORD_FLAG.heavy],
];
const FLAGS = new Map<string, number>();
for (const [set, flag] of FLAGGED) for (const word of set) FLAGS.set(word, (FLAGS.get(word) ?? 0) | flag);

/** Flags of a word; a qualified name gets those of its whole, its first and its last part. */
export function wordFlags(text: string): number {
  const whole = FLAGS.get(text) ?? 0;
  if (!text.includes('.')) return whole;
  return whole | (FLAGS.get(firstPart(text)) ?? 0) | (FLAGS.get(lastPart(text)) ?? 0);
}
