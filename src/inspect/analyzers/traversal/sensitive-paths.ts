/** A file or directory whose contents an attacker reads through traversal or inclusion. */
export interface SensitivePath {
  /** Lower-cased segments; `*` stands for any one segment. */
  readonly segments: readonly string[];
  readonly confidence: number;
  /** Counts only at the root of an absolute path (`/etc/x`), not as a relative tail (`shop/etc/x`). */
  readonly rooted?: boolean;
  /** Counts in parameter values only: in a URL path it is an ordinary route or a script that runs. */
  readonly valuesOnly?: boolean;
}

type Row = readonly [path: string, confidence: number, flags?: 'rooted' | 'values' | 'rooted-values'];

// System files first, then web-server and application secrets, then per-user credentials and histories.
const ROWS: readonly Row[] = [
  ['etc/passwd', 1],
  ['etc/shadow', 1],
  ['etc/master.passwd', 1],
  ['etc/gshadow', 1],
  ['etc/sudoers', 1],
  ['etc/group', 0.9],
  ['etc/subuid', 0.9],
  ['etc/subgid', 0.9],
  ['etc/hosts', 0.85],
  ['etc/hostname', 0.85],
  ['etc/issue', 0.9],
  ['etc/motd', 0.85],
  ['etc/crontab', 0.95],
  ['etc/fstab', 0.9],
  ['etc/mtab', 0.9],
  ['etc/resolv.conf', 0.9],
  ['etc/environment', 0.9],
  ['etc/profile', 0.85],
  ['etc/security', 0.9],
  ['etc/ssh', 0.95],
  ['etc/ssl', 0.85],
  ['etc/apache2', 0.9],
  ['etc/httpd', 0.9],
  ['etc/nginx', 0.9],
  ['etc/mysql', 0.9],
  ['etc/php', 0.85],
  ['etc/*', 0.75, 'rooted-values'],
  ['proc/self', 1],
  ['proc/version', 0.95],
  ['proc/cpuinfo', 0.9],
  ['proc/meminfo', 0.9],
  ['proc/net', 0.95],
  ['proc/sys', 0.95],
  ['proc/mounts', 0.9],
  ['proc/interrupts', 0.9],
  ['proc/sched_debug', 0.95],
  ['proc/kcore', 1],
  ['proc/*', 0.8, 'rooted-values'],
  ['sys/class', 0.85],
  ['sys/kernel', 0.9],
  ['sys/devices', 0.85],
  ['sys/module', 0.85],
  ['sys/firmware', 0.85],
  ['root/*', 0.85, 'rooted-values'],
  ['var/log/*', 0.85, 'rooted'],
  // Web-server logs wherever they live (`/opt/xampp/logs/access_log`, `../logs/error.log`): the file a
  // poisoned User-Agent is included from.
  ['logs/access_log', 0.85, 'values'],
  ['logs/access.log', 0.85, 'values'],
  ['logs/error_log', 0.85, 'values'],
  ['logs/error.log', 0.85, 'values'],
  ['log/access_log', 0.85, 'values'],
  ['log/access.log', 0.85, 'values'],
  ['log/error_log', 0.85, 'values'],
  ['log/error.log', 0.85, 'values'],
  ['httpd/access_log', 0.85, 'values'],
  ['httpd/error_log', 0.85, 'values'],
  ['var/run/secrets', 1],
  ['run/secrets', 1],
  ['var/lib/mysql', 0.9],
  ['var/spool/cron', 0.95],
  ['var/mail', 0.8, 'rooted'],
  ['var/www/*', 0.6, 'rooted-values'],
  ['usr/local/etc', 0.8],
  ['dev/tcp', 1],
  ['dev/udp', 1],
  ['windows/win.ini', 1],
  ['windows/system.ini', 1],
  ['windows/system32/config', 1],
  ['windows/system32/drivers', 0.9],
  ['windows/system32', 0.8],
  ['windows/repair', 1],
  ['windows/panther', 0.95],
  ['windows/*', 0.7, 'rooted-values'],
  ['winnt/win.ini', 1],
  ['winnt/repair', 1],
  ['winnt/system32/config', 1],
  ['winnt/system32', 0.8],
  // cmd.exe's names for the Windows directory (`type %SYSTEMROOT%\repair\SAM`).
  ['%systemroot%/repair', 1],
  ['%systemroot%/system32/config', 1],
  ['%systemroot%/win.ini', 1],
  ['%windir%/repair', 1],
  ['%windir%/system32/config', 1],
  ['%windir%/win.ini', 1],
  // The Windows directory reached through the `admin$` share (`\\host\admin$\system32\config\sam`).
  ['system32/config', 0.95],
  // A Windows user's registry hive: their saved credentials and settings.
  ['ntuser.dat', 1],
  ['boot.ini', 1],
  ['win.ini', 0.95],
  ['system.ini', 0.9],
  ['autoexec.bat', 0.8],
  ['inetpub/wwwroot', 0.8],
  // IIS's configuration store, with its accounts and passwords.
  ['inetsrv/metabase.xml', 1],
  ['metabase.xml', 0.9],
  ['boot/grub', 0.9],
  ['web-inf/web.xml', 1],
  ['web-inf/*', 0.9],
  ['meta-inf/*', 0.75],
  ['web.config', 0.9],
  ['httpd.conf', 0.9],
  ['apache2.conf', 0.9],
  ['nginx.conf', 0.9],
  ['php.ini', 0.85],
  ['my.cnf', 0.9],
  ['my.ini', 0.85],
  ['tomcat-users.xml', 1],
  // Windows setup answer files: they hold the administrator's password.
  ['unattend.xml', 0.95],
  ['unattended.xml', 0.95],
  ['unattend.txt', 0.9],
  ['unattended.txt', 0.9],
  ['sysprep.inf', 0.95],
  ['sysprep.xml', 0.95],
  ['filezilla server.xml', 0.9],
  ['wp-config.php', 0.9, 'values'],
  ['localsettings.php', 0.8, 'values'],
  ['config.inc.php', 0.8, 'values'],
  ['database.yml', 0.85],
  ['appsettings.json', 0.8],
  ['application.properties', 0.8],
  ['.htaccess', 0.95],
  ['.htpasswd', 1],
  ['.env', 1],
  ['.git', 0.95],
  ['.svn', 0.95],
  ['.hg', 0.9],
  ['.bzr', 0.9],
  ['.ds_store', 0.8],
  ['.ssh', 1],
  ['id_rsa', 1],
  ['id_dsa', 1],
  ['id_ecdsa', 1],
  ['id_ed25519', 1],
  ['authorized_keys', 0.95],
  ['known_hosts', 0.9],
  ['.aws', 1],
  ['.azure', 0.95],
  ['.kube', 0.95],
  ['.docker', 0.95],
  ['.npmrc', 1],
  ['.netrc', 1],
  ['.pgpass', 1],
  ['.git-credentials', 1],
  ['.boto', 1],
  ['.s3cfg', 1],
  ['.bash_history', 1],
  ['.zsh_history', 1],
  ['.mysql_history', 1],
  ['.psql_history', 1],
  ['.history', 0.95],
  ['.bashrc', 0.9],
  ['.bash_profile', 0.9],
  ['.cshrc', 0.85],
  ['.profile', 0.85],
];

/** Sensitive paths keyed by their first segment, for a lookup per segment of a value. */
export const SENSITIVE_BY_FIRST: ReadonlyMap<string, readonly SensitivePath[]> = (() => {
  const map = new Map<string, SensitivePath[]>();
  for (const [path, confidence, flags] of ROWS) {
    const segments = path.split('/');
    const entry: SensitivePath = {
      segments,
      confidence,
      ...(flags === 'rooted' || flags === 'rooted-values' ? { rooted: true } : {}),
      ...(flags === 'values' || flags === 'rooted-values' ? { valuesOnly: true } : {}),
    };
    const list = map.get(segments[0]!) ?? [];
    list.push(entry);
    map.set(segments[0]!, list);
  }
  return map;
})();

/** A 128×128 table of the first two characters of every key of {@link SENSITIVE_BY_FIRST}. */
export const SENSITIVE_PREFIXES: Uint8Array = (() => {
  const table = new Uint8Array(128 * 128);
  for (const key of SENSITIVE_BY_FIRST.keys()) table[(key.charCodeAt(0) << 7) | key.charCodeAt(1)] = 1;
  return table;
})();
