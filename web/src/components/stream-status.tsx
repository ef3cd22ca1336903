import type { StreamStatus as Status } from '../api/live-stream';

/** Whether the live stream is connected, or when it tries again. */
export function StreamStatus({
  status,
  retryInMs,
}: {
  readonly status: Status;
  readonly retryInMs?: number;
}) {
  const text =
    status === 'live'
      ? 'Live'
      : status === 'connecting'
        ? 'Connecting…'
        : retryInMs
          ? `Reconnecting in ${Math.ceil(retryInMs / 1000)} s`
          : 'Reconnecting…';
  return (
    <span className={`stream-status status-${status}`} role="status" data-testid="stream-status">
      {text}
    </span>
  );
}
