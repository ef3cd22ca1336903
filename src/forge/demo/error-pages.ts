import type { ServerResponse } from 'node:http';
import { renderPage } from './layout.js';
import { sendHtml, sendJson } from './respond.js';
import { html } from './safe-html.js';

// API clients get JSON errors; browsers get a page in the shop's layout.
function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** Answers 404 for a path the shop does not have. */
export function sendNotFound(res: ServerResponse, path: string): void {
  if (isApiPath(path)) {
    sendJson(res, 404, { error: 'not found' });
    return;
  }
  const body = html`<p>We looked everywhere but there is nothing at <code>${path}</code>.</p>
<p><a href="/">Back to the shop</a> or <a href="/products">browse all products</a>.</p>`;
  sendHtml(res, 404, renderPage('Page not found', body));
}

/** Answers 405, listing the methods the path does accept. */
export function sendMethodNotAllowed(res: ServerResponse, path: string, allow: string): void {
  if (isApiPath(path)) {
    sendJson(res, 405, { error: 'method not allowed' }, { allow });
    return;
  }
  const body = html`<p>This page only accepts ${allow}.</p>`;
  sendHtml(res, 405, renderPage('Method not allowed', body), { allow });
}

/** Answers 500 without revealing what went wrong. */
export function sendServerError(res: ServerResponse, path: string): void {
  if (isApiPath(path)) {
    sendJson(res, 500, { error: 'internal error' });
    return;
  }
  sendHtml(res, 500, renderPage('Something went wrong', html`<p>Please try again in a moment.</p>`));
}
