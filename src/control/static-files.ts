import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { COMPLIANCE_STYLE_SOURCE } from '../guardian/compliance/index.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** What the dashboard's pages may load: only its own files, and its own API and stream. */
export const DASHBOARD_CSP =
  `default-src 'none'; script-src 'self'; style-src 'self' ${COMPLIANCE_STYLE_SOURCE}; img-src 'self' data:; font-src 'self'; ` +
  "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

interface File {
  readonly body: Buffer;
  readonly type: string;
  readonly immutable: boolean;
}

/**
 * Serves the dashboard's built files (web/dist), read once into memory: a request never touches the file
 * system, so no path can reach outside the folder. Paths that are no file get index.html (the dashboard
 * routes itself). Returns a handler that answers and returns true, or returns false when it has nothing.
 */
export function createStaticFiles(
  root: string | undefined,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const files = root === undefined ? new Map<string, File>() : readTree(root);
  const index = files.get('/index.html');
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/') || path === '/api') return false;
    const file = files.get(path) ?? (path.includes('.') && !path.endsWith('.html') ? undefined : index);
    if (file === undefined) {
      if (index !== undefined || path !== '/') return false;
      const body = 'The dashboard is not built: run `npm run build`. The API is at /api/docs.\n';
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
      return true;
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': file.body.length,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': DASHBOARD_CSP,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return true;
  };
}

function readTree(root: string): Map<string, File> {
  const files = new Map<string, File>();
  let names: string[];
  try {
    names = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch {
    return files;
  }
  for (const name of names) {
    const full = join(root, name);
    if (!statSync(full).isFile()) continue;
    const urlPath = `/${relative(root, full).split(sep).join('/')}`;
    const extension = urlPath.slice(urlPath.lastIndexOf('.'));
    files.set(urlPath, {
      body: readFileSync(full),
      type: TYPES[extension] ?? 'application/octet-stream',
      // Vite names built assets by their content hash.
      immutable: urlPath.startsWith('/assets/'),
    });
  }
  return files;
}
