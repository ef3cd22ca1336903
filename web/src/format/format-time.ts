const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A clock time, for events of today. */
export function formatTime(epochMs: number): string {
  return timeFormat.format(epochMs);
}

/** A date and time. */
export function formatDateTime(epochMs: number | null | undefined, never = 'never'): string {
  return epochMs === null || epochMs === undefined ? never : dateTimeFormat.format(epochMs);
}
