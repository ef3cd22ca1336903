import { z } from 'zod';
import { escapeHtml } from '../core/index.js';
import type { Route } from './http/router.js';

const toSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as Record<
    string,
    unknown
  >;

/** The OpenAPI 3.1 document of the control API, built from the route table so it cannot drift from it. */
export function openApiDocument(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const pathParams = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParams = r.query
      ? Object.entries(r.query.shape).map(([name, schema]) => ({
          name,
          in: 'query',
          required: !(schema as z.ZodType).safeParse(undefined).success,
          schema: toSchema(schema as z.ZodType),
        }))
      : [];
    const operation: Record<string, unknown> = {
      tags: [r.tag],
      summary: r.summary,
      operationId: `${r.method.toLowerCase()}${r.path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
      parameters: [...pathParams, ...queryParams],
      'x-permission': r.access,
      security: r.access === 'public' ? [] : [{ bearer: [] }, { apiKey: [] }],
      responses: {
        '200': { description: 'success' },
        '400': { description: 'the request is malformed; `problems` lists why' },
        ...(r.access === 'public' ? {} : { '401': { description: 'no valid credential' } }),
        ...(r.access === 'public' || r.access === 'authenticated'
          ? {}
          : { '403': { description: `the caller lacks ${r.access}` } }),
      },
    };
    if (r.body)
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(r.body) } },
      };
    if (r.rawBody)
      operation.requestBody = {
        required: true,
        content: {
          'application/yaml': { schema: { type: 'string' } },
          'application/json': { schema: { type: 'object' } },
        },
      };
    paths[r.path] ??= {};
    paths[r.path]![r.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'infinisec control API',
      version,
      description:
        'Sign in at /api/auth/login for a 15-minute access token, or use an API key (`isk_...`). Every route names the permission it needs in `x-permission`; docs/security.md has the role matrix.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An access token or an API key.' },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
    },
    paths,
  };
}

/** A readable page of the API for people: every route, who may call it and what it does. */
export function apiDocsPage(routes: readonly Route[], version: string): string {
  const rows = routes
    .map(
      (r) =>
        `<tr><td><code>${r.method}</code></td><td><code>${escapeHtml(r.path)}</code></td><td>${escapeHtml(r.access)}</td><td>${escapeHtml(r.summary)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>infinisec control API ${escapeHtml(version)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.35rem .6rem;text-align:left;vertical-align:top}code{font-size:13px}</style>
</head><body>
<h1>infinisec control API</h1>
<p>Version ${escapeHtml(version)}. Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
Send <code>Authorization: Bearer &lt;access token or API key&gt;</code>; the access column names the permission a route needs.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Access</th><th>What it does</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
