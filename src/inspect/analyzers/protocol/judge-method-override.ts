import type { ParsedRequest } from '../../parsed-request.js';

// `_method=DELETE`: frameworks honour it and turn a POST (or a GET link) into another method.
const METHOD_VALUE = /^[A-Za-z]{3,10}$/;
// What frameworks' method overrides are for: a form that cannot send PUT, PATCH or DELETE itself.
const FORM_OVERRIDES: ReadonlySet<string> = new Set(['PUT', 'PATCH', 'DELETE']);
const FORM_TYPE = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * How much a `_method` override (decoded) says, 0 when it names no method. Rails, Laravel and Symfony
 * forms POST `_method=put|patch|delete` in the body, and Express's method-override documents
 * `<form method="POST" action="?_method=DELETE">`: those stay weak. An override on a GET or HEAD (a link
 * that acts as another method), to anything but PUT, PATCH or DELETE (TRACE, CONNECT, HEAD, WebDAV), or
 * in the URL of a POST that is no form submission is never a framework's own doing.
 * @example judgeMethodOverride(request, true, 'TRACE') // 0.9
 */
export function judgeMethodOverride(request: ParsedRequest, inQuery: boolean, method: string): number {
  if (!METHOD_VALUE.test(method)) return 0;
  const upper = method.toUpperCase();
  const { view } = request;
  if (!inQuery && upper === 'POST') return 0;
  if (view.method === 'GET' || view.method === 'HEAD' || !FORM_OVERRIDES.has(upper)) return 0.9;
  if (!inQuery) return 0.3;
  const type = view.headers.find(([n]) => n === 'content-type')?.[1] ?? '';
  return FORM_TYPE.test(type.trim()) ? 0.4 : 0.9;
}
