/** A refusal or failure of the control API, with the `error` message it answered. */
export class ApiError extends Error {
  readonly status: number;
  /** Every problem the API listed (a malformed body, a configuration that does not validate). */
  readonly problems: readonly string[];
  /** The whole JSON body of the answer, for fields such as `mfaRequired` or `retryAfter`. */
  readonly body: Readonly<Record<string, unknown>>;

  constructor(status: number, message: string, body: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.problems = Array.isArray(body.problems) ? body.problems.map(String) : [];
  }
}

/** The message to show for anything a request threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'the control API cannot be reached';
  return error instanceof Error ? error.message : String(error);
}
