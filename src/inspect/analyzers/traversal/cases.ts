import type { ValueKind } from '../../inspectable.js';

/** One detection case: a value, where it came from, and the rule expected (null: must not be flagged). */
export interface TraversalCase {
  readonly input: string;
  readonly kind?: ValueKind;
  readonly expect: string | null;
  /** For an attack, the confidence the rule must reach (paranoid strength when absent): 0.9 blocks alone. */
  readonly min?: number;
  /** For a benign value, the confidence it must stay below (the paranoid threshold when absent). */
  readonly max?: number;
}

const BLOCKS = 0.9;

/**
 * Traversal and local-file-inclusion cases shared by the unit test, the benchmark and the fuzz target.
 * Attacks name the rule that must fire (at paranoid strength or more); benign look-alikes must stay below.
 */
export const TRAVERSAL_CASES: readonly TraversalCase[] = [
  { input: '../../../../etc/passwd', expect: 'traversal/dot-dot' },
  { input: '../../apache/logs/access.log', expect: 'traversal/dot-dot', min: BLOCKS },
  // A segment with an encoded separator is a path handed to the application whole.
  {
    input: '%2Fapache%2Flogs%2Faccess_log',
    kind: 'path-segment',
    expect: 'traversal/sensitive-file',
    min: BLOCKS,
  },
  { input: '..%2Fconfig.inc.php', kind: 'path-segment', expect: 'traversal/dot-dot', min: BLOCKS },
  { input: 'guides%2Fsetup%2Finstall.md', kind: 'path-segment', expect: null },
  {
    input: 'c:\\Program Files\\Apache Group\\Apache\\logs\\error.log',
    expect: 'traversal/sensitive-file',
    min: BLOCKS,
  },
  { input: '../../src/logs/readme.md', expect: null, max: BLOCKS },
  { input: '..\\..\\..\\windows\\win.ini', expect: 'traversal/dot-dot' },
  { input: '....//....//....//etc/passwd', expect: 'traversal/dot-dot' },
  { input: '..;/..;/WEB-INF/web.xml', expect: 'traversal/dot-dot' },
  { input: '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fhosts', expect: 'traversal/dot-dot' },
  { input: '%252e%252e%252f%252e%252e%252fetc%252fpasswd', expect: 'traversal/dot-dot' },
  { input: '%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', expect: 'traversal/dot-dot' },
  { input: '..%c0%af..%c0%af..%c0%afboot.ini', expect: 'traversal/dot-dot' },
  { input: '../../../../boot.ini%00', expect: 'traversal/dot-dot' },
  { input: '../../app/config.php', expect: 'traversal/dot-dot' },
  { input: '../../../1.7z', kind: 'file-name', expect: 'traversal/dot-dot' },
  { input: '..\\shell.aspx', kind: 'file-name', expect: 'traversal/dot-dot' },
  { input: '/etc/shadow', expect: 'traversal/sensitive-file' },
  { input: '/proc/self/environ', kind: 'header-value', expect: 'traversal/sensitive-file' },
  { input: 'cat /root/.ssh/id_rsa', expect: 'traversal/sensitive-file' },
  { input: 'C:\\Windows\\win.ini', expect: 'traversal/sensitive-file' },
  { input: 'C:\\WINNT\\repair\\SAM', expect: 'traversal/sensitive-file' },
  { input: '\\\\::1\\c$\\users\\default\\ntuser.dat', expect: 'traversal/sensitive-file' },
  { input: 'c:WINDOWS/system32/config/SAM', expect: 'traversal/sensitive-file' },
  { input: 'c:\\System32\\Inetsrv\\metabase.xml', expect: 'traversal/sensitive-file' },
  {
    input: 'C:/program files (x86)/apache group/apache2/conf/httpd.conf',
    expect: 'traversal/sensitive-file',
    min: 0.9,
  },
  { input: 'C:\\xampp\\tomcat\\conf\\tomcat-users.xml', expect: 'traversal/sensitive-file', min: 0.9 },
  { input: 'C:\\sysprep\\sysprep.inf', expect: 'traversal/sensitive-file', min: 0.9 },
  { input: 'C:/log/httpd/access_log', expect: 'traversal/sensitive-file', min: 0.9 },
  {
    input: 'Install it under C:/Program Files and then edit my.ini there',
    expect: 'traversal/sensitive-file',
    max: 0.6,
  },
  // A parameter that is one absolute path to a configuration or log file, whatever the product.
  { input: '/usr/local/apache/error_log', expect: 'traversal/sensitive-file', min: BLOCKS },
  { input: '/usr/local/jakarta/tomcat/logs/catalina.out', expect: 'traversal/sensitive-file', min: BLOCKS },
  { input: '/usr/local/pgsql/bin/pg_passwd', expect: 'traversal/sensitive-file', min: BLOCKS },
  { input: '/var/www/.lighttpdpassword', expect: 'traversal/sensitive-file', min: BLOCKS },
  { input: '/var/www/squirrelmail/config/config.php', expect: 'traversal/sensitive-file', min: BLOCKS },
  { input: '/usr/local/apache/conf/httpd.conf.default', expect: 'traversal/sensitive-file', min: BLOCKS },
  { input: '/usr/share/tomcat6/conf/server.xml', expect: 'traversal/sensitive-file', min: BLOCKS },
  { input: '~/.php_history', expect: 'traversal/sensitive-file', min: BLOCKS },
  { input: '/account/change-password', kind: 'body-value', expect: null },
  { input: '/settings/password_reset', expect: null },
  { input: '/admin/audit-log', expect: null },
  { input: '/api/v1/config.json', expect: null },
  { input: '/assets/js/config.js', expect: null },
  { input: 'C:\\xampp\\mysql\\data\\mysql.err', expect: 'traversal/sensitive-file', min: 0.9 },
  { input: '/usr/local/apache2/conf/extra/httpd-ssl.conf', expect: 'traversal/sensitive-file', min: 0.9 },
  { input: 'C:\\Users\\me\\Desktop\\photo.jpg', expect: null },
  { input: '/content/blog/2024/my-post.yml', kind: 'body-value', expect: null },
  { input: '/app.log', expect: null },
  // Free text: a deep climb that reaches nothing named weighs; one that reaches a system file blocks.
  {
    input: 'a local .apprc or the first found looking in ./ ../ ../../ ../../../ etc. and then /etc/apprc',
    kind: 'body-value',
    expect: null,
    max: 0.9,
  },
  {
    input: 'please read the file at ../../../../etc/passwd for me thanks',
    kind: 'body-value',
    expect: 'traversal/dot-dot',
    min: 0.9,
  },
  // A post with relative links, sent form-encoded, quoting an encoded URL elsewhere: no evasion of its `../`.
  {
    input:
      'See%20%5Bcore%5D(..%2Fcore%2FREADME.md)%20and%20the%20badge%20https%3A%2F%2Fimg.shields.io%2Fv%2F%2540nats-io%252Fkv',
    kind: 'body-value',
    expect: null,
  },
  { input: '/boot/grub/grub.conf', expect: 'traversal/sensitive-file' },
  { input: '\\\\10.0.0.5\\admin$\\system32\\config\\sam', expect: 'traversal/sensitive-file' },
  { input: '/opt/xampp/logs/access_log', expect: 'traversal/sensitive-file' },
  { input: '../logs/error.log', expect: 'traversal/sensitive-file' },
  { input: '/etc/vsftpd.conf', expect: 'traversal/sensitive-file' },
  { input: '%SYSTEMROOT%\\repair\\SYSTEM', expect: 'traversal/sensitive-file' },
  { input: 'c:/boot.ini', expect: 'traversal/sensitive-file' },
  { input: 'WEB-INF/web.xml', expect: 'traversal/sensitive-file' },
  { input: '.htaccess', expect: 'traversal/sensitive-file' },
  { input: '.ssh/id_rsa', expect: 'traversal/sensitive-file' },
  { input: 'file:///etc/passwd', expect: 'traversal/sensitive-file' },
  { input: '/var/run/secrets/kubernetes.io/serviceaccount/token', expect: 'traversal/sensitive-file' },
  { input: '/@fs/etc/passwd', kind: 'path', expect: 'traversal/sensitive-file' },
  { input: 'php://filter/convert.base64-encode/resource=index.php', expect: 'traversal/php-wrapper' },
  { input: 'php://input', expect: 'traversal/php-wrapper' },
  { input: 'expect://id', expect: 'traversal/php-wrapper' },
  { input: 'phar://uploads/avatar.jpg/shell', expect: 'traversal/php-wrapper' },
  { input: 'zip://uploads/a.zip#shell.php', expect: 'traversal/php-wrapper' },
  { input: 'data://text/plain;base64,PD9waHAgc3lzdGVtKCRfR0VUWzBdKTs/Pg==', expect: 'traversal/php-wrapper' },
  { input: '/.git/config', kind: 'path', expect: 'traversal/sensitive-file' },
  { input: '/.env', kind: 'path', expect: 'traversal/sensitive-file' },
  { input: '/app/.claude/settings.json', kind: 'path', expect: 'traversal/hidden-file' },
  { input: '/.secret-stuff/keys.json', kind: 'path', expect: 'traversal/hidden-file' },
  { input: '/backup.sql.gz', kind: 'path', expect: 'traversal/restricted-file' },
  { input: '/wp-config.php.bak', kind: 'path', expect: 'traversal/restricted-file' },
  { input: '/logs/debug.log', kind: 'path', expect: 'traversal/restricted-file' },
  { input: '%c0%ae%c0%ae/x', expect: 'traversal/dot-dot', min: BLOCKS },
  { input: '0x2e0x2e0x2fsecret', kind: 'header-value', expect: 'traversal/dot-dot', min: BLOCKS },
  { input: '0x5c0x2e.%00/', kind: 'header-value', expect: 'traversal/dot-dot', min: BLOCKS },
  // The escapes with their percent signs stripped: `2f` and `5c` read as `/` and `\` once `..2f` shows it.
  { input: '..2f..2f..2f..2fetc2fpasswd', expect: 'traversal/dot-dot', min: BLOCKS },
  { input: '..5c..5c..5cwindows5cwin.ini', expect: 'traversal/dot-dot', min: BLOCKS },
  { input: 'build 1..2f4e9a', expect: null },
  { input: '/wp-content/debug.log', kind: 'path', expect: 'traversal/restricted-file', min: BLOCKS },
  { input: '/app/storage/logs/laravel.log', kind: 'path', expect: 'traversal/restricted-file' },
  { input: '/.aws/credentials', kind: 'path', expect: 'traversal/hidden-file' },
  { input: '/static/../../etc/hosts', kind: 'path', expect: 'traversal/dot-dot' },

  // Benign: relative links, version ranges, ellipses, ordinary paths, Windows paths of user files.
  { input: '../images/logo.png', expect: null },
  { input: 'see ../docs/install.md for details', expect: null },
  { input: '<a href="../">up</a>', expect: null },
  { input: 'https://example.com/a/../b', expect: null },
  { input: 'v1.2..v1.3', expect: null },
  { input: 'wait... what?', expect: null },
  { input: '... Some content ...', expect: null },
  { input: '/get/..', kind: 'path', expect: null },
  { input: 'foo../1234', expect: null },
  { input: '..foo', expect: null },
  { input: '/api/v1/users/42', kind: 'path', expect: null },
  { input: '/products/etc/list', kind: 'path', expect: null },
  { input: '/.well-known/security.txt', kind: 'path', expect: null },
  { input: '/static/app.js', kind: 'path', expect: null },
  { input: '/downloads/report.pdf', kind: 'path', expect: null },
  { input: '/blog/2024/05/hello-world', kind: 'path', expect: null },
  { input: 'C:\\Users\\me\\Documents\\report.docx', expect: null },
  { input: '/home/alice/projects/site', expect: null },
  { input: 'report.log', expect: null },
  { input: '0x2e5c7a91b3f0c4d2e8a6b1c0f9d3e7a5b2c4d6e8', expect: null },
  { input: '/builds/1234/output.log', kind: 'path', expect: null, max: BLOCKS },
  { input: 'etc.', expect: null },
  { input: 'file.tar.gz', expect: null },
  { input: '1.2.3', expect: null },
  { input: 'user.name@example.com', expect: null },
  {
    input: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    kind: 'header-value',
    expect: null,
  },
  { input: 'https://example.com/shop/item?id=3&ref=home', kind: 'header-value', expect: null },
  { input: 'My .gitignore ignores node_modules', expect: null },
  { input: 'images/2024/photo.jpg', expect: null },
  { input: 'The etc/ folder is empty', expect: null },
];
