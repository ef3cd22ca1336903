import type { ChangeView } from '../../control/index.js';
import type { Log } from '../../core/index.js';
import type { ChangeNotice } from './change-service.js';

/** A webhook told about change requests. */
export interface ChangeWebhook {
  readonly url: string;
  /** Environment variable holding an Authorization header value. */
  readonly headerEnv?: string | undefined;
}

const TIMEOUT_MS = 5000;

/**
 * Posts each change request step to the webhooks as JSON — `{ event, change }` where change leaves out the diff
 * (it may be long) — without waiting, with a timeout; a failure is logged and nothing else.
 */
export function webhookNotifier(
  hooks: readonly ChangeWebhook[],
  env: Readonly<Record<string, string | undefined>>,
  log: Log,
): (notice: ChangeNotice, change: ChangeView) => void {
  return (notice, change) => {
    if (hooks.length === 0) return;
    const { diff: _diff, ...summary } = change;
    const body = JSON.stringify({ event: `change.${notice}`, change: summary });
    for (const hook of hooks) {
      const authorization = hook.headerEnv ? env[hook.headerEnv] : undefined;
      fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'infinisec',
          ...(authorization ? { authorization } : {}),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      }).then(
        (res) => {
          if (!res.ok)
            log.warn({ status: res.status, event: notice }, 'changes: a webhook refused a notification');
          void res.body?.cancel();
        },
        (err: unknown) =>
          log.warn({ error: err instanceof Error ? err.message : String(err) }, 'changes: a webhook failed'),
      );
    }
  };
}
