import type { MazePage } from '../maze-types.js';
import type { PageContext } from './page-context.js';

/** Content types of maze pages. */
export const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/** Status and headers of a page besides the defaults (200, the robots header). */
export interface ResponseExtras {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A maze page of the given type. Every page, not only HTML, tells search engines to stay out, so that a
 * good crawler that slips in indexes nothing.
 * @example pageResponse(ctx, 'text', body, { status: 200 })
 */
export function pageResponse(
  ctx: PageContext,
  type: keyof typeof CONTENT_TYPES,
  body: string,
  extras: ResponseExtras = {},
): MazePage {
  return {
    status: extras.status ?? 200,
    contentType: CONTENT_TYPES[type],
    headers: { 'x-robots-tag': 'noindex, nofollow', ...extras.headers },
    body,
    depth: ctx.depth,
  };
}
