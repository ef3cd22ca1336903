import { randomString } from '../../random/random-string.js';
import type { PageContext } from '../page-context.js';

// 64 characters, none of them a quote or a backslash, so a salt needs no escaping in a PHP string.
const SALT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789#%';
const SALT_NAMES = [
  'AUTH_KEY',
  'SECURE_AUTH_KEY',
  'LOGGED_IN_KEY',
  'NONCE_KEY',
  'AUTH_SALT',
  'SECURE_AUTH_SALT',
  'LOGGED_IN_SALT',
  'NONCE_SALT',
];

const php = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const define = (name: string, value: string) => `define( '${name}', ${value} );`;

/** A WordPress wp-config.php whose database password is a canary, with maze paths in its comments. */
export function wpConfigFile(ctx: PageContext): string {
  const { rng } = ctx;
  const [docs, uploads] = ctx.links(2);
  const db = `wp_${randomString(rng, 'abcdefghijklmnopqrstuvwxyz', 6)}`;
  return [
    '<?php',
    '/**',
    ' * The base configuration for WordPress',
    ' *',
    ` * @link ${docs!.href}`,
    ' *',
    ' * @package WordPress',
    ' */',
    '',
    '// ** Database settings - You can get this info from your web host ** //',
    define('DB_NAME', php(db)),
    define('DB_USER', php(`${db}_user`)),
    define('DB_PASSWORD', php(ctx.canary('password'))),
    define('DB_HOST', php('localhost')),
    define('DB_CHARSET', php('utf8mb4')),
    define('DB_COLLATE', "''"),
    '',
    ...SALT_NAMES.map(
      (name) => `define( '${name}',${' '.repeat(18 - name.length)}${php(randomString(rng, SALT, 64))} );`,
    ),
    '',
    `$table_prefix = 'wp_';`,
    '',
    define('WP_DEBUG', 'false'),
    `/* Media offload mirror: ${uploads!.href} */`,
    define('S3_UPLOADS_KEY', php(ctx.canary('aws-key'))),
    '',
    "if ( ! defined( 'ABSPATH' ) ) {",
    "\tdefine( 'ABSPATH', __DIR__ . '/' );",
    '}',
    "require_once ABSPATH . 'wp-settings.php';",
    '',
  ].join('\n');
}
