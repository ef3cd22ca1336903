import { z } from 'zod';
import { ACTIONS } from '../../core/index.js';
import type { ControlDeps } from '../control-deps.js';
import { HttpError } from '../http/http-error.js';
import { type Route, route } from '../http/router.js';
import { actorOf } from '../principal.js';
import { refusing } from './change-routes.js';
import { ttlSecondsParam } from './params.js';

/** Standing decisions: list, create, delete. */
export function decisionRoutes(deps: ControlDeps, clock: () => number): Route[] {
  return [
    route({
      method: 'GET',
      path: '/api/decisions',
      access: 'decisions:read',
      tag: 'decisions',
      summary: 'Decisions in force (bans, allow-list entries), oldest first.',
      handle: () => ({ json: { decisions: deps.decisions.list() } }),
    }),
    route({
      method: 'POST',
      path: '/api/decisions',
      access: 'decisions:write',
      tag: 'decisions',
      summary: 'Add a decision for an address or a CIDR range; `ttlSeconds` absent means it never expires.',
      body: z.strictObject({
        scope: z.enum(['ip', 'cidr']).default('ip'),
        value: z.string().min(1).max(64),
        action: z.enum(ACTIONS).exclude(['log']).default('block'),
        reason: z.string().max(256).default('manual'),
        ttlSeconds: ttlSecondsParam.optional(),
      }),
      async handle({ body, principal, ip }) {
        const actor = actorOf(principal!);
        const input = {
          scope: body.scope,
          value: body.value,
          action: body.action,
          reason: body.reason,
          expires: body.ttlSeconds === undefined ? null : clock() + body.ttlSeconds * 1000,
        };
        const changes = deps.changes;
        // A decision on a broad range is a change request when approvals are on.
        if (changes?.approvalsEnabled() && changes.isBroad(input)) {
          const change = await refusing(() =>
            changes.propose({ kind: 'decision', decision: input }, actor, '', ip),
          );
          if (change.status === 'pending') return { status: 202, json: { pending: true, change } };
          if (change.status === 'failed') throw new HttpError(400, change.result?.error ?? 'bad decision');
          return {
            status: 201,
            json: { ...deps.decisions.list().find((d) => d.id === change.result?.decision), change },
          };
        }
        let decision: Awaited<ReturnType<typeof deps.decisions.add>>;
        try {
          decision = await deps.decisions.add(
            {
              scope: body.scope,
              value: body.value,
              action: body.action,
              reason: body.reason,
              expires: body.ttlSeconds === undefined ? null : clock() + body.ttlSeconds * 1000,
            },
            actor,
          );
        } catch (err) {
          throw new HttpError(400, err instanceof Error ? err.message : 'bad decision');
        }
        await deps.audit.append({
          actor,
          action: 'decision.create',
          target: decision.id,
          outcome: 'success',
          ip,
          details: {
            scope: decision.scope,
            value: decision.value,
            action: decision.action,
            expires: decision.expires,
          },
        });
        return { status: 201, json: decision };
      },
    }),
    route({
      method: 'POST',
      path: '/api/decisions/import',
      access: 'decisions:write',
      tag: 'decisions',
      summary:
        'Import a list: plain addresses and ranges, `fail2ban-client status` output, or CrowdSec decisions.',
      bodyLimit: 1024 * 1024,
      body: z.strictObject({
        format: z.enum(['plain', 'fail2ban', 'crowdsec']),
        text: z.string().max(1024 * 1024),
        action: z.enum(ACTIONS).exclude(['log']).default('block'),
        reason: z.string().max(256).optional(),
        ttlSeconds: ttlSecondsParam.optional(),
      }),
      async handle({ body, principal, ip }) {
        const actor = actorOf(principal!);
        const result = await deps.decisions.importList(
          {
            format: body.format,
            text: body.text,
            action: body.action,
            reason: body.reason ?? `import/${body.format}`,
            durationMs: body.ttlSeconds === undefined ? null : body.ttlSeconds * 1000,
          },
          actor,
        );
        await deps.audit.append({
          actor,
          action: 'decision.import',
          target: body.format,
          outcome: result.added.length > 0 || result.problems.length === 0 ? 'success' : 'failure',
          ip,
          details: { added: result.added.length, problems: result.problems.length, action: body.action },
        });
        return {
          status: result.added.length > 0 ? 201 : 200,
          json: { added: result.added, problems: result.problems },
        };
      },
    }),
    route({
      method: 'DELETE',
      path: '/api/decisions/{id}',
      access: 'decisions:write',
      tag: 'decisions',
      summary: 'Delete a decision.',
      async handle({ params, principal, ip }) {
        if (!(await deps.decisions.remove(params.id!))) throw new HttpError(404, 'no such decision');
        await deps.audit.append({
          actor: actorOf(principal!),
          action: 'decision.delete',
          target: params.id!,
          outcome: 'success',
          ip,
          details: {},
        });
        return { status: 204 };
      },
    }),
  ];
}
