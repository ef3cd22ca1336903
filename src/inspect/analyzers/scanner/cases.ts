/** A request-level detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface ScannerCase {
  readonly method?: string;
  /** Defaults to `/`. */
  readonly target?: string;
  /** Added to a browser's Host and User-Agent; a header named here replaces the default one. */
  readonly headers?: readonly (readonly [string, string])[];
  readonly body?: string;
  readonly expect: string | null;
  /** When given, whether the expected finding blocks on its own (confidence ≥ 0.9) or only weighs. */
  readonly block?: boolean;
}

/** Scanner cases shared by the unit test, the benchmark and the fuzz target. */
export const scannerCases: readonly ScannerCase[] = [
  // GraphQL introspection: the schema read whole or type by type, wherever it is sent.
  {
    method: 'POST',
    target: '/graphql',
    headers: [['Content-Type', 'application/json']],
    body: '{"query":"query IntrospectionQuery { __schema { queryType { name } types { name } } }"}',
    expect: 'scanner/graphql-introspection',
    block: true,
  },
  {
    target: '/search?q=%7B%20__schema%20%7B%20types%20%7B%20name%20%7D%20%7D%20%7D',
    expect: 'scanner/graphql-introspection',
    block: true,
  },
  {
    method: 'POST',
    target: '/graphql',
    headers: [['Content-Type', 'application/graphql']],
    body: '{ __type(name: "User") { fields { name } } }',
    expect: 'scanner/graphql-introspection',
    block: true,
  },
  {
    method: 'POST',
    target: '/graphql',
    headers: [['Content-Type', 'application/json']],
    body: '{"query":"{ user(id: 1) { __typename name posts { __typename title } } }"}',
    expect: null,
  },
  { headers: [['User-Agent', 'sqlmap/1.7.2#stable (https://sqlmap.org)']], expect: 'scanner/tool-agent' },
  {
    headers: [['User-Agent', 'Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000003)']],
    expect: 'scanner/tool-agent',
  },
  {
    headers: [
      ['User-Agent', 'Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)'],
    ],
    expect: 'scanner/tool-agent',
  },
  { headers: [['User-Agent', 'Mozilla/5.0 zgrab/0.x']], expect: 'scanner/tool-agent', block: true },
  { headers: [['User-Agent', 'Fuzz Faster U Fool v2.1.0-dev']], expect: 'scanner/tool-agent', block: true },
  {
    headers: [['User-Agent', 'Microsoft WinRM Client OpenVASVT']],
    expect: 'scanner/tool-agent',
    block: true,
  },
  { headers: [['User-Agent', "apache_struts_rce.nasl'"]], expect: 'scanner/tool-agent', block: true },
  // Tool names that are words too count only written as a product.
  { headers: [['User-Agent', 'Paros/3.2.13']], expect: 'scanner/tool-agent', block: true },
  { headers: [['User-Agent', 'Mozilla/4.0 (Hydra)']], expect: 'scanner/tool-agent', block: true },
  { headers: [['User-Agent', 'Vega del Codorno city guide']], expect: null },
  {
    headers: [['User-Agent', 'Nuclei - Open-source project (github.com/projectdiscovery/nuclei)']],
    expect: 'scanner/tool-agent',
  },
  {
    headers: [
      ['User-Agent', 'DirBuster-1.0-RC1 (http://www.owasp.org/index.php/Category:OWASP_DirBuster_Project)'],
    ],
    expect: 'scanner/tool-agent',
  },
  {
    headers: [['User-Agent', 'WPScan v3.8.22 (https://wpscan.com/wordpress-security-scanner)']],
    expect: 'scanner/tool-agent',
  },
  {
    headers: [
      ['User-Agent', 'Fuzz Faster U Fool v2.1.0'],
      ['Acunetix-Aspect', 'enabled'],
    ],
    expect: 'scanner/tool-header',
  },
  { headers: [['User-Agent', '']], expect: 'scanner/no-agent' },
  { target: '/.env', expect: 'scanner/secret-file' },
  { target: '/.git/config', expect: 'scanner/secret-file' },
  { target: '/app/.env.production', expect: 'scanner/secret-file' },
  { target: '/.aws/credentials', expect: 'scanner/secret-file' },
  { target: '/home/user/.ssh/id_rsa', expect: 'scanner/secret-file' },
  { target: '/etc/letsencrypt/live/example.com/privkey.pem', expect: 'scanner/secret-file' },
  { target: '/phpmyadmin/index.php', expect: 'scanner/admin-console' },
  { target: '/server-status', expect: 'scanner/admin-console' },
  { target: '/actuator/env', expect: 'scanner/admin-console' },
  { target: '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', expect: 'scanner/admin-console' },
  { target: '/backup.zip', expect: 'scanner/backup-file' },
  { target: '/index.php~', expect: 'scanner/source-disclosure', block: true },
  { target: '/index.php~/foo/bar', expect: 'scanner/source-disclosure', block: true },
  { target: '/db/dump.sql', expect: 'scanner/backup-file', block: false },
  { target: '/config.php.bak', expect: 'scanner/source-disclosure', block: true },
  { target: '/shop/caracteristicas.jsp.inc', expect: 'scanner/source-disclosure', block: true },
  { target: '/includes/DB.INC', expect: 'scanner/source-disclosure', block: true },
  { target: '/docs/incident-report', expect: null },
  { target: '/wp-config.php.swp', expect: 'scanner/source-disclosure', block: true },
  { target: '/app/settings.py.orig', expect: 'scanner/source-disclosure', block: true },
  { target: '/Web.config.old', expect: 'scanner/source-disclosure', block: true },
  { target: '/var/dump%2Erdb', expect: 'scanner/source-disclosure', block: true },
  { target: '/downloads/chinook.db', expect: 'scanner/backup-file', block: false },
  { target: '/notes.txt~', expect: 'scanner/backup-file', block: false },
  { target: '/wp-login.php', expect: 'scanner/wordpress-probe' },
  { target: '/?u=http://abc123.oastify.com/x', expect: 'scanner/callback-domain' },
  { headers: [['X-Forwarded-For', 'a.b.interact.sh']], expect: 'scanner/callback-domain' },
  {
    headers: [['User-Agent', 'Mozilla/5.0 Chrome/120.0 root@x1y2z3.oastify.com']],
    expect: 'scanner/callback-domain',
    block: true,
  },
  { headers: [['Host', '203.0.113.7']], expect: 'scanner/ip-host', block: false },
  { headers: [['Host', '169.254.169.254']], expect: 'scanner/link-local-host', block: true },
  { headers: [['Host', '[fe80::1ff:fe23:4567:890a]:8080']], expect: 'scanner/link-local-host', block: true },
  // Ordinary traffic.
  { expect: null },
  { target: '/tienda1/publico/anadir.jsp?id=3&nombre=Queso+Manchego', expect: null },
  { target: '/.well-known/acme-challenge/abc', expect: null },
  { target: '/static/app.min.js', expect: null },
  { target: '/docs/environment-setup', expect: null },
  { target: '/blog/backup-strategies-for-small-teams', expect: null },
  { target: '/api/v1/users/42', expect: null },
  { target: '/wp-content/themes/x/style.css', expect: null },
  { headers: [['User-Agent', 'urlgrabber/3.10 yum/3.4.3']], expect: null },
  { headers: [['User-Agent', 'mozilla/5.0 ecairn-grabber/1.0 (+http://ecairn.com/grabber)']], expect: null },
  { headers: [['User-Agent', 'curl/8.4.0']], expect: null },
  { headers: [['User-Agent', 'python-requests/2.31.0']], expect: null },
  { headers: [['Referer', 'https://www.google.com/search?q=toast+recipes']], expect: null },
  { headers: [['Host', 'shop.example.com:8443']], expect: null },
  { target: '/docs/php.ini-development', expect: null },
  { target: '/blog/my-old-config', expect: null },
  { headers: [['Host', '169.254.example.com']], expect: null },
];
