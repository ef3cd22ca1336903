/** A query or form value as the application reads it: `+` as space, percent-escapes decoded when valid. */
export function decodeParameter(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
