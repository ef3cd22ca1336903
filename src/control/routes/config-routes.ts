import { z } from 'zod';
import { unifiedDiff } from '../../guardian/index.js';
import { ChangeRefusedError, type ChangeView } from '../change-control.js';
import type { ControlDeps } from '../control-deps.js';
import { HttpError } from '../http/http-error.js';
import { readBodyText } from '../http/read-body.js';
import { type Route, route } from '../http/router.js';
import { actorOf } from '../principal.js';
import { changesOf, exclusionFields, namesWhatItSilences, refusing } from './change-routes.js';
import { limitParam } from './params.js';

// How an API answer reports a change that went through a change request.
function changeReply(change: ChangeView): { status: number; json: Record<string, unknown> } {
  if (change.status === 'pending') return { status: 202, json: { ok: true, pending: true, change } };
  if (change.status === 'applied')
    return { status: 200, json: { ok: true, version: change.result?.version, change } };
  return { status: 422, json: { ok: false, problems: [change.result?.error ?? change.status], change } };
}

const CONFIG_LIMIT = 1024 * 1024;
const CONFIG_TYPES = new Set([
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/plain',
  'application/json',
]);

/** The running configuration: read, history, validate, apply. */
export function configRoutes(deps: ControlDeps): Route[] {
  const configText = async (req: Parameters<Route['handle']>[0]['req']) => {
    const body = await readBodyText(req, CONFIG_LIMIT);
    if (!CONFIG_TYPES.has(body.mediaType))
      throw new HttpError(415, 'send the configuration as application/yaml or application/json');
    return body.text;
  };
  return [
    route({
      method: 'GET',
      path: '/api/config',
      access: 'config:read',
      tag: 'config',
      summary: 'The running configuration as YAML (secrets redacted) and its version.',
      handle: () => ({ json: deps.config.current() }),
    }),
    route({
      method: 'GET',
      path: '/api/config/versions',
      access: 'config:read',
      tag: 'config',
      summary: 'Applied configurations, newest first.',
      query: z.strictObject({ limit: limitParam.optional() }),
      async handle({ query }) {
        const versions = await deps.stores.configVersions.list(query.limit ?? 50);
        return { json: { versions: versions.map(({ source: _source, ...rest }) => rest) } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/config/versions/{version}',
      access: 'config:read',
      tag: 'config',
      summary: 'One applied configuration, with its YAML (secrets redacted).',
      async handle({ params }) {
        const number = Number(params.version);
        const version = Number.isSafeInteger(number)
          ? await deps.stores.configVersions.get(number)
          : undefined;
        if (!version) throw new HttpError(404, 'no such version');
        return { json: version };
      },
    }),
    route({
      method: 'GET',
      path: '/api/config/versions/{version}/diff',
      access: 'config:read',
      tag: 'config',
      summary:
        'What changed from one version to another (`against`, the previous one by default), secrets redacted.',
      query: z.strictObject({ against: z.coerce.number().int().min(1).optional() }),
      async handle({ params, query }) {
        const number = Number(params.version);
        const to = Number.isSafeInteger(number) ? await deps.stores.configVersions.get(number) : undefined;
        if (!to) throw new HttpError(404, 'no such version');
        const againstNumber = query.against ?? to.version - 1;
        const from = againstNumber >= 1 ? await deps.stores.configVersions.get(againstNumber) : undefined;
        if (query.against !== undefined && !from)
          throw new HttpError(404, 'no such version to compare against');
        return {
          json: {
            from: from?.version ?? null,
            to: to.version,
            diff: unifiedDiff(
              from?.source ?? '',
              to.source,
              from ? `version ${from.version}` : 'nothing',
              `version ${to.version}`,
            ),
          },
        };
      },
    }),
    route({
      method: 'POST',
      path: '/api/config/rollback',
      access: 'config:write',
      tag: 'config',
      summary:
        'Apply an earlier version again, as a change request: at once when policy approves it, else pending (202).',
      body: z.strictObject({ version: z.number().int().min(1), comment: z.string().max(500).default('') }),
      async handle({ body, principal, ip }) {
        const change = await refusing(() =>
          changesOf(deps.changes).propose(
            { kind: 'rollback', version: body.version },
            actorOf(principal!),
            body.comment,
            ip,
          ),
        );
        const reply = changeReply(change);
        return { status: reply.status, json: { change, ...(reply.status === 422 ? reply.json : {}) } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/exclusions',
      access: 'config:read',
      tag: 'config',
      summary: 'Detection exclusions in force (`inspect.exclusions`).',
      handle: () => ({ json: { exclusions: deps.config.exclusions() } }),
    }),
    route({
      method: 'POST',
      path: '/api/exclusions',
      access: 'config:write',
      tag: 'config',
      summary:
        'Silence a false positive: add a scoped exclusion to the configuration, applied as a new version.',
      body: z
        .strictObject({ ...exclusionFields, comment: z.string().max(500).optional() })
        .refine(...namesWhatItSilences),
      async handle({ body, principal, ip }) {
        const actor = actorOf(principal!);
        const { comment, ...exclusion } = body;
        if (deps.changes?.approvalsEnabled()) {
          const changes = deps.changes;
          const change = await refusing(() =>
            changes.propose({ kind: 'exclusion', exclusion }, actor, comment ?? 'exclusion', ip),
          );
          const reply = changeReply(change);
          return reply.status === 200
            ? { status: 201, json: { exclusion, version: change.result?.version, change } }
            : reply;
        }
        const outcome = await deps.config.addExclusion(exclusion, actor, comment ?? 'exclusion');
        await deps.audit.append({
          actor,
          action: 'config.exclusion',
          target: outcome.ok ? String(outcome.version) : '',
          outcome: outcome.ok ? 'success' : 'failure',
          ip,
          details: { ...exclusion, comment: comment ?? '' },
        });
        if (!outcome.ok) return { status: 422, json: outcome };
        return { status: 201, json: { exclusion, version: outcome.version } };
      },
    }),
    route({
      method: 'POST',
      path: '/api/config/validate',
      access: 'config:write',
      tag: 'config',
      summary: 'Check a configuration (YAML or JSON body) without applying it; lists every problem.',
      rawBody: true,
      async handle({ req }) {
        const outcome = await deps.config.validate(await configText(req));
        return { status: outcome.ok ? 200 : 422, json: outcome };
      },
    }),
    route({
      method: 'POST',
      path: '/api/config/apply',
      access: 'config:write',
      tag: 'config',
      summary: 'Check and apply a configuration (YAML or JSON body); each apply is a new version.',
      query: z.strictObject({ comment: z.string().max(500).optional() }),
      rawBody: true,
      async handle({ req, principal, ip, query }) {
        const actor = actorOf(principal!);
        const text = await configText(req);
        if (deps.changes?.approvalsEnabled()) {
          const changes = deps.changes;
          try {
            return changeReply(
              await changes.propose({ kind: 'config', text }, actor, query.comment ?? '', ip),
            );
          } catch (err) {
            if (err instanceof ChangeRefusedError && err.status === 422)
              return {
                status: 422,
                json: { ok: false, problems: err.problems.length > 0 ? err.problems : [err.message] },
              };
            throw err;
          }
        }
        const outcome = await deps.config.apply(text, actor, query.comment ?? '');
        await deps.audit.append({
          actor,
          action: 'config.apply',
          target: outcome.ok ? String(outcome.version) : '',
          outcome: outcome.ok ? 'success' : 'failure',
          ip,
          details: outcome.ok
            ? { comment: query.comment ?? '' }
            : { problems: outcome.problems.slice(0, 20) },
        });
        return { status: outcome.ok ? 200 : 422, json: outcome };
      },
    }),
  ];
}
