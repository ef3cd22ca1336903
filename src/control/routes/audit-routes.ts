import { z } from 'zod';
import type { AuditEntry } from '../../core/index.js';
import { toCef, toCsv, toJsonLines } from '../../guardian/index.js';
import type { ControlDeps } from '../control-deps.js';
import { type Route, route } from '../http/router.js';
import { actorOf } from '../principal.js';
import { limitParam, timeParam } from './params.js';

const PAGE = 1000;
// An export past this many entries is cut; the CLI exports any size.
const EXPORT_MAX = 200_000;

const filter = z.strictObject({
  afterSeq: z.coerce.number().int().min(0).optional(),
  actor: z.string().max(256).optional(),
  action: z.string().max(128).optional(),
  from: timeParam.optional(),
  to: timeParam.optional(),
});

const FORMATS = {
  jsonl: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  cef: { contentType: 'text/plain; charset=utf-8', extension: 'cef' },
} as const;

/** The audit log: entries, verification of the chain, export for SIEMs. */
export function auditRoutes(deps: ControlDeps): Route[] {
  const store = deps.stores.audit;
  return [
    route({
      method: 'GET',
      path: '/api/audit',
      access: 'audit:read',
      tag: 'audit',
      summary: 'Audit entries, oldest first; page with `afterSeq`.',
      query: filter.extend({ limit: limitParam.optional() }),
      handle: async ({ query }) => ({ json: { entries: await store.list(query) } }),
    }),
    route({
      method: 'GET',
      path: '/api/audit/verify',
      access: 'audit:read',
      tag: 'audit',
      summary: 'Walk the hash chain; names the first entry changed, removed or reordered.',
      async handle({ principal, ip }) {
        const result = await deps.audit.verify();
        await deps.audit.append({
          actor: actorOf(principal!),
          action: 'audit.verify',
          target: '',
          outcome: result.ok ? 'success' : 'failure',
          ip,
          details: { entries: result.entries },
        });
        return { json: result };
      },
    }),
    route({
      method: 'GET',
      path: '/api/audit/export',
      access: 'audit:export',
      tag: 'audit',
      summary: 'Export entries as JSON Lines, CSV or CEF.',
      query: filter.extend({ format: z.enum(['jsonl', 'csv', 'cef']).default('jsonl') }),
      async handle({ query, principal, ip }) {
        const { format, ...rest } = query;
        const entries: AuditEntry[] = [];
        let afterSeq = rest.afterSeq ?? 0;
        while (entries.length < EXPORT_MAX) {
          const page = await store.list({ ...rest, afterSeq, limit: PAGE });
          entries.push(...page);
          if (page.length < PAGE) break;
          afterSeq = page.at(-1)!.seq;
        }
        await deps.audit.append({
          actor: actorOf(principal!),
          action: 'audit.export',
          target: format,
          outcome: 'success',
          ip,
          details: { entries: entries.length },
        });
        const text =
          format === 'csv'
            ? toCsv(entries)
            : format === 'cef'
              ? toCef(entries, deps.version)
              : toJsonLines(entries);
        return {
          text,
          contentType: FORMATS[format].contentType,
          headers: {
            'content-disposition': `attachment; filename="infinisec-audit.${FORMATS[format].extension}"`,
          },
        };
      },
    }),
  ];
}
