import { z } from 'zod';
import { ACTIONS, CHANGE_STATUSES } from '../../core/index.js';
import { type ChangeControl, type ChangeProposal, ChangeRefusedError } from '../change-control.js';
import { HttpError } from '../http/http-error.js';
import { type Route, route } from '../http/router.js';
import { actorOf } from '../principal.js';
import { limitParam, ttlSecondsParam } from './params.js';

/** The changes control, or a 503 where the process runs none. */
export function changesOf(changes: ChangeControl | undefined): ChangeControl {
  if (changes === undefined) throw new HttpError(503, 'change requests are not available in this process');
  return changes;
}

/** Runs a change step, turning its refusals into HTTP answers. */
export async function refusing<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof ChangeRefusedError)
      throw new HttpError(
        err.status,
        err.message,
        err.problems.length > 0 ? { extra: { problems: err.problems } } : {},
      );
    throw err;
  }
}

/** The fields of a scoped exclusion; every one given narrows it. */
export const exclusionFields = {
  site: z.string().min(1).max(256).optional(),
  path: z.string().startsWith('/').max(2048).optional(),
  location: z.string().min(1).max(512).optional(),
  analyzer: z.string().min(1).max(64).optional(),
  rule: z.string().min(1).max(128).optional(),
};

/** An exclusion must name what it silences. */
export const namesWhatItSilences = [
  (e: { analyzer?: string | undefined; rule?: string | undefined }) =>
    e.analyzer !== undefined || e.rule !== undefined,
  { message: 'name the analyzer or the rule to silence' },
] as const;

const exclusionBody = z.strictObject(exclusionFields).refine(...namesWhatItSilences);

const proposalBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('config'),
    text: z
      .string()
      .min(1)
      .max(1024 * 1024),
  }),
  z.strictObject({ kind: z.literal('exclusion'), exclusion: exclusionBody }),
  z.strictObject({
    kind: z.literal('decision'),
    decision: z.strictObject({
      scope: z.enum(['ip', 'cidr']).default('ip'),
      value: z.string().min(1).max(64),
      action: z.enum(ACTIONS).exclude(['log']).default('block'),
      reason: z.string().max(256).default('manual'),
      ttlSeconds: ttlSecondsParam.optional(),
    }),
  }),
  z.strictObject({ kind: z.literal('rollback'), version: z.number().int().min(1) }),
]);

type ProposalBody = z.infer<typeof proposalBody>;

/** The proposal a request body describes, with a decision's lifetime made absolute. */
export function proposalOf(body: ProposalBody, now: number): ChangeProposal {
  if (body.kind !== 'decision') return body;
  const { ttlSeconds, ...decision } = body.decision;
  return {
    kind: 'decision',
    decision: { ...decision, expires: ttlSeconds === undefined ? null : now + ttlSeconds * 1000 },
  };
}

/** Change requests: list, read, preview, propose, approve, reject. */
export function changeRoutes(changes: ChangeControl | undefined, clock: () => number): Route[] {
  return [
    route({
      method: 'GET',
      path: '/api/changes',
      access: 'changes:read',
      tag: 'changes',
      summary: 'Change requests, newest first; `status` narrows.',
      query: z.strictObject({ status: z.enum(CHANGE_STATUSES).optional(), limit: limitParam.optional() }),
      async handle({ query }) {
        return { json: { changes: await changesOf(changes).list(query) } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/changes/{id}',
      access: 'changes:read',
      tag: 'changes',
      summary: 'One change request with its impact preview and diff.',
      async handle({ params }) {
        const change = await changesOf(changes).get(params.id!);
        if (change === undefined) throw new HttpError(404, 'no such change request');
        return { json: change };
      },
    }),
    route({
      method: 'POST',
      path: '/api/changes/preview',
      access: 'config:write',
      tag: 'changes',
      summary:
        'Replay a proposed change over the sample of recent requests and rate it, without recording anything.',
      bodyLimit: 1024 * 1024 + 4096,
      body: proposalBody,
      async handle({ body }) {
        const proposal = proposalOf(body, clock());
        return { json: await refusing(() => changesOf(changes).preview(proposal)) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/changes',
      access: 'config:write',
      tag: 'changes',
      summary:
        'Propose a change: applied at once when policy approves it (low impact, or approvals off), else pending.',
      bodyLimit: 1024 * 1024 + 4096,
      body: z.strictObject({ proposal: proposalBody, comment: z.string().max(500).default('') }),
      async handle({ body, principal, ip }) {
        const proposal = proposalOf(body.proposal, clock());
        const change = await refusing(() =>
          changesOf(changes).propose(proposal, actorOf(principal!), body.comment, ip),
        );
        return { status: 201, json: change };
      },
    }),
    route({
      method: 'POST',
      path: '/api/changes/{id}/approve',
      access: 'changes:approve',
      tag: 'changes',
      summary: 'Approve a pending change request (not your own); the last approval needed applies it.',
      body: z.strictObject({ comment: z.string().max(500).default('') }),
      async handle({ params, body, principal, ip }) {
        return {
          json: await refusing(() =>
            changesOf(changes).approve(params.id!, actorOf(principal!), body.comment, ip),
          ),
        };
      },
    }),
    route({
      method: 'POST',
      path: '/api/changes/{id}/reject',
      access: 'changes:approve',
      tag: 'changes',
      summary: 'Reject a pending change request (its requester may withdraw it this way).',
      body: z.strictObject({ comment: z.string().max(500).default('') }),
      async handle({ params, body, principal, ip }) {
        return {
          json: await refusing(() =>
            changesOf(changes).reject(params.id!, actorOf(principal!), body.comment, ip),
          ),
        };
      },
    }),
  ];
}
