import { randomUUID } from 'node:crypto';
import { stringify } from 'yaml';
import { type Config, type LoadConfigOptions, loadConfigText, redactConfig } from '../../config/index.js';
import type {
  ChangeControl,
  ChangeProposal,
  ChangeView,
  ConfigControl,
  DecisionControl,
  DecisionInput,
  ProposalPreview,
} from '../../control/index.js';
import { ChangeRefusedError } from '../../control/index.js';
import type { ChangeRequest, Decision, Log } from '../../core/index.js';
import { InfinisecError } from '../../core/index.js';
import { parseCidr } from '../../defend/index.js';
import { createReplayer } from '../../gateway/index.js';
import {
  type AuditLog,
  classifyChange,
  type SecretBox,
  summarizeImpact,
  unifiedDiff,
  VOTE_REFUSALS,
  voteRefusal,
  withApproval,
} from '../../guardian/index.js';
import type { ChangeRequestStore, ConfigVersionStore, RequestSampleStore } from '../../store/index.js';
import { assertServable } from '../assert-servable.js';
import { readConfigText, sealedVersionName, withExclusion } from '../config-control.js';
import { inspectorFor } from '../inspector-for.js';
import { describeExclusion, weakenings } from './weakenings.js';

/** What happened to a change request, for webhooks. */
export type ChangeNotice = 'created' | 'approved' | 'rejected' | 'applied' | 'failed' | 'expired';

/** What the change service works with. */
export interface ChangeServiceDeps {
  readonly store: ChangeRequestStore;
  readonly samples: RequestSampleStore;
  readonly versions: ConfigVersionStore;
  readonly box: SecretBox;
  readonly audit: AuditLog;
  readonly log: Log;
  /** The running configuration. */
  readonly config: () => Config;
  /** The configuration file, whose text proposals edit. */
  readonly file: string;
  readonly loadOptions: LoadConfigOptions;
  /** Applies configuration texts as versions. */
  readonly configControl: ConfigControl;
  readonly decisions: DecisionControl;
  /** Told of each step of a request (webhooks); must not throw. */
  readonly notify?: (notice: ChangeNotice, change: ChangeView) => void;
  readonly clock?: () => number;
}

/** A change service with its expiry sweep. */
export interface ChangeService extends ChangeControl {
  /** Expires pending requests past their time; returns how many. */
  expireDue(): Promise<number>;
}

// What a sealed payload holds.
type Payload = { readonly text: string } | { readonly decision: DecisionInput };

interface Resolved {
  readonly summary: string;
  readonly proposed: Config;
  readonly text?: string;
  readonly decision?: Decision;
  readonly input?: DecisionInput;
  readonly weakenings: string[];
  readonly broadRange?: string;
}

const HOUR = 3_600_000;

const problemsOf = (err: unknown): string[] =>
  err instanceof InfinisecError && err.details.length > 0
    ? [...err.details]
    : [err instanceof Error ? err.message : String(err)];

const viewOf = ({ payload: _payload, ...view }: ChangeRequest): ChangeView => view;

// How many addresses a range covers, for people: `a /16 (65,536 addresses)`.
function rangeSize(bits: number, width: number): string {
  const hostBits = width - bits;
  const count = hostBits <= 52 ? (2 ** hostBits).toLocaleString('en-US') : `2^${hostBits}`;
  return `a /${bits} (${count} addresses)`;
}

/**
 * Change requests over the stores: each proposal is checked, replayed over the request sample through the
 * running and the proposed configuration, rated, recorded, and applied at once when policy approves it; high
 * impact waits for approvers other than its requester. Every step is in the audit log. Steps run one at a
 * time, so two approvals cannot both apply a change.
 */
export function createChangeService(deps: ChangeServiceDeps): ChangeService {
  const clock = deps.clock ?? Date.now;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(() => {});
    return next;
  };
  const notify = (notice: ChangeNotice, change: ChangeView) => {
    try {
      deps.notify?.(notice, change);
    } catch (err) {
      deps.log.warn({ err }, 'changes: a notification failed');
    }
  };

  const load = (text: string): Config => {
    try {
      const config = loadConfigText(text, 'the proposed configuration', deps.loadOptions);
      assertServable(config);
      return config;
    } catch (err) {
      throw new ChangeRefusedError(422, 'the proposed configuration is invalid', problemsOf(err));
    }
  };

  const approvals = () => deps.config().guardian.approvals;

  const isBroad = (input: DecisionInput): string | undefined => {
    if (input.scope !== 'cidr') return undefined;
    const range = parseCidr(input.value);
    if (range === undefined) return undefined;
    const width = range.family === 4 ? 32 : 128;
    const bits = width - Number(range.shift);
    const limit = range.family === 4 ? approvals().broadIpv4Prefix : approvals().broadIpv6Prefix;
    return bits < limit ? rangeSize(bits, width) : undefined;
  };

  async function resolve(proposal: ChangeProposal): Promise<Resolved> {
    const current = deps.config();
    switch (proposal.kind) {
      case 'config': {
        const proposed = load(proposal.text);
        return {
          summary: 'apply a new configuration',
          proposed,
          text: proposal.text,
          weakenings: weakenings(current, proposed),
        };
      }
      case 'exclusion': {
        const edited = withExclusion(readConfigText(deps.file), proposal.exclusion);
        if (!edited.ok)
          throw new ChangeRefusedError(422, 'the configuration file is not valid YAML', edited.problems);
        const proposed = load(edited.text);
        return {
          summary: `add an exclusion that ${describeExclusion(proposal.exclusion)}`,
          proposed,
          text: edited.text,
          weakenings: weakenings(current, proposed),
        };
      }
      case 'rollback': {
        const version = await deps.versions.get(proposal.version);
        if (version === undefined)
          throw new ChangeRefusedError(404, `there is no version ${proposal.version}`);
        if (version.sealed === null)
          throw new ChangeRefusedError(
            422,
            `version ${proposal.version} was recorded without its text and cannot be applied again`,
          );
        const text = deps.box.open(sealedVersionName(version.digest), version.sealed).toString('utf8');
        const proposed = load(text);
        return {
          summary: `roll back to version ${version.version} (${version.author}, ${new Date(version.time).toISOString()})`,
          proposed,
          text,
          weakenings: weakenings(current, proposed),
        };
      }
      case 'decision': {
        const input = proposal.decision;
        const range = input.scope === 'cidr' ? parseCidr(input.value) : parseCidr(input.value.split('/')[0]!);
        if (range === undefined || (input.scope === 'ip' && input.value.includes('/')))
          throw new ChangeRefusedError(
            422,
            input.scope === 'cidr'
              ? `"${input.value}" is not a CIDR range`
              : `"${input.value}" is not an IP address`,
          );
        const broad = isBroad(input);
        return {
          summary: `${input.action === 'allow' ? 'allow' : input.action} ${input.value}${input.expires === null ? '' : ` until ${new Date(input.expires).toISOString()}`}`,
          proposed: current,
          input,
          decision: {
            id: 'proposed',
            ...input,
            source: 'manual',
            created: clock(),
            createdBy: 'proposal',
          },
          weakenings: input.action === 'allow' ? [`allow-lists ${input.value}, past every check`] : [],
          ...(broad ? { broadRange: broad } : {}),
        };
      }
    }
  }

  async function rate(proposal: ChangeProposal): Promise<ProposalPreview & { resolved: Resolved }> {
    const resolved = await resolve(proposal);
    const current = deps.config();
    const standing = deps.decisions.list();
    const samples = await deps.samples.list({ limit: current.guardian.samples.max });
    const inspector = inspectorFor(current);
    const before = createReplayer(current, inspector, standing);
    const after =
      resolved.decision !== undefined
        ? createReplayer(current, inspector, [...standing, resolved.decision])
        : createReplayer(resolved.proposed, inspectorFor(resolved.proposed), standing);
    const preview = summarizeImpact(
      samples.map((sample) => {
        const then = after(sample);
        return { sample, before: before(sample).action, after: then.action, reason: then.reason };
      }),
    );
    const { impact, reasons } = classifyChange({
      kind: proposal.kind,
      preview,
      weakenings: resolved.weakenings,
      ...(resolved.broadRange ? { broadRange: resolved.broadRange } : {}),
    });
    const diff =
      resolved.text === undefined
        ? ''
        : unifiedDiff(
            stringify(redactConfig(current)),
            stringify(redactConfig(resolved.proposed)),
            'running',
            'proposed',
          );
    return { summary: resolved.summary, impact, reasons, preview, diff, resolved };
  }

  async function audited(
    request: ChangeRequest,
    action: string,
    actor: string,
    ip: string,
    outcome = 'success',
  ) {
    await deps.audit
      .append({
        actor,
        action,
        target: request.id,
        outcome: outcome as 'success' | 'failure',
        ip,
        details: {
          kind: request.kind,
          summary: request.summary,
          impact: request.impact,
          status: request.status,
          ...(request.result ? { result: { ...request.result } } : {}),
        },
      })
      .catch((err: unknown) => deps.log.error({ err }, 'changes: the audit log refused an entry'));
  }

  // Applies a request whose approvals are complete; records `applied` or `failed`.
  async function apply(request: ChangeRequest, approvedBy: string, ip: string): Promise<ChangeRequest> {
    let result: ChangeRequest['result'];
    try {
      const payload = JSON.parse(
        deps.box.open(`change:${request.id}`, request.payload).toString('utf8'),
      ) as Payload;
      if ('decision' in payload) {
        const decision = await deps.decisions.add(payload.decision, request.requester);
        result = { decision: decision.id };
      } else {
        const outcome = await deps.configControl.apply(
          payload.text,
          request.requester,
          `change ${request.id}: ${request.summary}${approvedBy === 'policy' ? '' : `, approved by ${approvedBy}`}${request.comment ? ` — ${request.comment}` : ''}`,
        );
        result = outcome.ok ? { version: outcome.version } : { error: outcome.problems.join('; ') };
      }
    } catch (err) {
      result = { error: err instanceof Error ? err.message : String(err) };
    }
    const done: ChangeRequest = {
      ...request,
      status: result.error === undefined ? 'applied' : 'failed',
      result,
      decided: clock(),
    };
    await deps.store.update(done, 'pending');
    await audited(done, 'change.apply', approvedBy, ip, result.error === undefined ? 'success' : 'failure');
    notify(done.status === 'applied' ? 'applied' : 'failed', viewOf(done));
    if (result.error !== undefined)
      deps.log.warn({ change: done.id, error: result.error }, 'changes: applying failed');
    return done;
  }

  async function pending(id: string): Promise<ChangeRequest> {
    const request = await deps.store.get(id);
    if (request === undefined) throw new ChangeRefusedError(404, 'no such change request');
    return request;
  }

  return {
    approvalsEnabled: () => approvals().enabled,
    isBroad: (input) => isBroad(input) !== undefined,
    async list(query) {
      return (await deps.store.list(query)).map(viewOf);
    },
    async get(id) {
      const request = await deps.store.get(id);
      return request === undefined ? undefined : viewOf(request);
    },
    async preview(proposal) {
      const { resolved: _resolved, ...preview } = await rate(proposal);
      return preview;
    },
    propose: (proposal, requester, comment, ip) =>
      serial(async () => {
        const rated = await rate(proposal);
        const policy = approvals();
        const auto = !policy.enabled || rated.impact === 'low';
        const id = randomUUID();
        const payload: Payload =
          rated.resolved.input !== undefined
            ? { decision: rated.resolved.input }
            : { text: rated.resolved.text! };
        const now = clock();
        const request: ChangeRequest = {
          id,
          kind: proposal.kind,
          status: 'pending',
          impact: rated.impact,
          summary: rated.summary,
          reasons: policy.enabled ? rated.reasons : [...rated.reasons, 'approvals are off: applied at once'],
          requester,
          comment,
          created: now,
          expires: now + policy.expireHours * HOUR,
          approvalsNeeded: auto ? 0 : policy.approvers,
          approvals: [],
          rejection: null,
          preview: rated.preview,
          diff: rated.diff,
          payload: deps.box.seal(`change:${id}`, JSON.stringify(payload)),
          result: null,
          decided: null,
        };
        await deps.store.create(request);
        await audited(request, 'change.request', requester, ip);
        notify('created', viewOf(request));
        return viewOf(auto ? await apply(request, 'policy', ip) : request);
      }),
    approve: (id, actor, comment, ip) =>
      serial(async () => {
        const request = await pending(id);
        const refusal = voteRefusal(request, actor, clock(), 'approve');
        if (refusal !== undefined)
          throw new ChangeRefusedError(refusal === 'own-request' ? 403 : 409, VOTE_REFUSALS[refusal]);
        const { request: approved, ready } = withApproval(request, { actor, time: clock(), comment });
        if (!(await deps.store.update(approved, 'pending')))
          throw new ChangeRefusedError(409, VOTE_REFUSALS['not-pending']);
        await audited(approved, 'change.approve', actor, ip);
        notify('approved', viewOf(approved));
        return viewOf(ready ? await apply(approved, actor, ip) : approved);
      }),
    reject: (id, actor, comment, ip) =>
      serial(async () => {
        const request = await pending(id);
        const refusal = voteRefusal(request, actor, clock(), 'reject');
        if (refusal !== undefined) throw new ChangeRefusedError(409, VOTE_REFUSALS[refusal]);
        const rejected: ChangeRequest = {
          ...request,
          status: 'rejected',
          rejection: { actor, time: clock(), comment },
          decided: clock(),
        };
        if (!(await deps.store.update(rejected, 'pending')))
          throw new ChangeRefusedError(409, VOTE_REFUSALS['not-pending']);
        await audited(rejected, 'change.reject', actor, ip);
        notify('rejected', viewOf(rejected));
        return viewOf(rejected);
      }),
    expireDue: () =>
      serial(async () => {
        const now = clock();
        let count = 0;
        for (const request of await deps.store.list({ status: 'pending', limit: 1000 })) {
          if (request.expires > now) continue;
          const expired: ChangeRequest = { ...request, status: 'expired', decided: now };
          if (!(await deps.store.update(expired, 'pending'))) continue;
          count++;
          await audited(expired, 'change.expire', 'system', '');
          notify('expired', viewOf(expired));
        }
        return count;
      }),
  };
}
