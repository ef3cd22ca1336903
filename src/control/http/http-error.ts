/**
 * A refusal the client may read: its status and a short message that names no internal detail.
 * @example throw new HttpError(404, 'no such decision');
 */
export class HttpError extends Error {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Extra fields of the JSON answer (`mfaRequired`, `retryAfter`, `problems`). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    message: string,
    options: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}
