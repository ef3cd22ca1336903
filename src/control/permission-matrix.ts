import { ROLES } from '../core/index.js';
import { PERMISSIONS, ROLE_PERMISSIONS } from './auth/index.js';
import type { Route } from './http/router.js';

/**
 * The permission matrix as Markdown: which role holds which permission, then which permission each route
 * needs. docs/security.md carries this text, and a test checks that it matches the code.
 */
export function renderPermissionMatrix(routes: readonly Route[]): string {
  const roles = `| Permission | ${ROLES.join(' | ')} |\n| --- | ${ROLES.map(() => ':-:').join(' | ')} |\n${PERMISSIONS.map(
    (p) => `| \`${p}\` | ${ROLES.map((r) => (ROLE_PERMISSIONS[r].has(p) ? 'yes' : '—')).join(' | ')} |`,
  ).join('\n')}\n`;
  const table = `| Method | Path | Needs |\n| --- | --- | --- |\n${routes
    .map(
      (r) =>
        `| ${r.method} | \`${r.path}\` | ${r.access === 'public' || r.access === 'authenticated' ? r.access : `\`${r.access}\``} |`,
    )
    .join('\n')}\n`;
  return `${roles}\n${table}`;
}
