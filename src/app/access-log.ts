import { isPassThrough, type Log, type SecurityEvent } from '../core/index.js';

/** Which events get an access log line (logging.access). */
export type AccessLogMode = 'all' | 'blocked' | 'none';

/**
 * Writes one line per request event, as configured. The line has no query string, headers or body: those
 * may carry secrets and personal data.
 */
export function createAccessLog(log: Log, mode: () => AccessLogMode): (event: SecurityEvent) => void {
  return (event) => {
    const m = mode();
    if (
      m === 'none' ||
      (m === 'blocked' && isPassThrough(event.verdict.action) && event.response.status < 500)
    ) {
      return;
    }
    log.info(
      {
        requestId: event.requestId,
        site: event.site,
        client: event.client.ip,
        method: event.request.method,
        path: event.request.path,
        status: event.response.status,
        action: event.verdict.action,
        reason: event.verdict.reason,
        ms: Math.round(event.timings.totalMs * 1000) / 1000,
        ...(event.response.error ? { error: event.response.error } : {}),
        ...(event.verdict.findings.length > 0
          ? { findings: event.verdict.findings.slice(0, 5).map((f) => `${f.rule}@${f.location}`) }
          : {}),
      },
      'request',
    );
  };
}
