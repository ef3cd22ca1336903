import type { ParsedRequest } from '../../parsed-request.js';
import type { Anomalies } from './anomalies.js';

// Files a web server or PHP reads from the directory they sit in: an upload by that name reconfigures
// the server (`AddType application/x-httpd-php .jpg`, `auto_prepend_file`).
const SERVER_CONFIG: ReadonlySet<string> = new Set([
  '.htaccess',
  '.htpasswd',
  '.htdigest',
  '.user.ini',
  'php.ini',
  'web.config',
]);
// Configuration of the applications themselves: an upload by that name may overwrite their settings,
// but people also attach their own `config.yml` or `.env` to a support ticket.
const APP_CONFIG: ReadonlySet<string> = new Set(
  `settings.php settings.local.php settings.inc.php default.settings.php local.xml configuration.php
  parameters.yml parameters.php config.yml config_dev.yml config_prod.yml config_test.yml security.yml
  services.yml routing.yml database.yml secrets.yml .env`.split(/\s+/),
);
// Kernel interfaces under /proc and /sys: a file named after one is aimed at a path, not at a folder.
const KERNEL_FILES: ReadonlySet<string> = new Set(
  `mtrr acpi kcore kallsyms kmsg kpageflags kpagecount sysrq-trigger iomem ioports slabinfo vmallocinfo
  cpuinfo meminfo cmdline environ`.split(/\s+/),
);
// RFC 8187 `filename*=UTF-8''name`.
const EXTENDED = /^[A-Za-z0-9_-]+'[A-Za-z-]*'/;

// The name a server would store: the last path segment, without the trailing dots and spaces Windows
// drops, lower-cased.
function storedName(raw: string): string {
  let name = raw;
  if (EXTENDED.test(name)) {
    try {
      name = decodeURIComponent(name.replace(EXTENDED, ''));
    } catch {
      name = name.replace(EXTENDED, '');
    }
  }
  const cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  let end = name.length;
  while (end > cut + 1 && (name[end - 1] === '.' || name[end - 1] === ' ')) end--;
  return name.slice(cut + 1, end).toLowerCase();
}

// How much an upload's name says. Trailing dots and spaces, which Windows and some servers drop when
// they store the file, only serve to slip a name past a filter.
function weight(raw: string): number {
  const name = storedName(raw);
  if (SERVER_CONFIG.has(name)) return 1;
  // `wp-config.php`, and the backups its attackers plant or overwrite (`wp-config-php.bak`); kernel files.
  if (name.startsWith('wp-config') || KERNEL_FILES.has(name)) return 0.9;
  if (!APP_CONFIG.has(name) && !name.startsWith('.env.')) return 0;
  return /[. ]$/.test(raw) ? 0.9 : 0.7;
}

/**
 * A multipart upload whose file name names a server or application configuration file (`.htaccess`,
 * `web.config`, `wp-config.php` and its backups, Symfony's `config.yml`, `.env`) or a kernel interface
 * (`mtrr`).
 */
export function checkUploadNames(request: ParsedRequest, out: Anomalies): void {
  for (const { kind, location, value } of request.values) {
    if (kind !== 'file-name') continue;
    const w = weight(value);
    if (w > 0) out.add('restricted-upload', w, location, value);
  }
}

/**
 * The same for the name an upload widget gives a raw body in `X-Filename` or `X-File-Name`, which
 * widgets percent-encode.
 */
export function checkUploadHeader(value: string, out: Anomalies, header: string): void {
  // The HTTP parser strips a field's surrounding whitespace before anyone reads it.
  let name = value.trim();
  if (name.includes('%')) {
    try {
      name = decodeURIComponent(name);
    } catch {
      // Not percent-encoded after all: judged as it is.
    }
  }
  const w = weight(name);
  if (w > 0) out.add('restricted-upload', w, `header.${header}`, value);
}
