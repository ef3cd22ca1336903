/** The error catalogue: every fault infinisec raises has a code here and a line in docs/errors.md. */
export const ERROR_CATALOGUE = {
  INFINISEC_ERR_CONFIG_INVALID: { status: 500, message: 'the configuration is invalid' },
  INFINISEC_ERR_CONFIG_READ: { status: 500, message: 'the configuration file cannot be read' },
  INFINISEC_ERR_CONFIG_PARSE: { status: 500, message: 'the configuration file is not valid YAML' },
  INFINISEC_ERR_LISTEN: { status: 500, message: 'a listener cannot be opened' },
  INFINISEC_ERR_TLS: { status: 500, message: 'the TLS certificate or key cannot be loaded' },
  INFINISEC_ERR_CLI_USAGE: { status: 400, message: 'the command line is not understood' },
  INFINISEC_ERR_UPSTREAM_UNREACHABLE: { status: 502, message: 'the upstream cannot be reached' },
  INFINISEC_ERR_UPSTREAM_TIMEOUT: { status: 504, message: 'the upstream did not answer in time' },
  INFINISEC_ERR_BODY_TOO_LARGE: { status: 413, message: 'the request body is over the limit' },
  INFINISEC_ERR_UNKNOWN_SITE: { status: 421, message: 'no site is configured for this host' },
  INFINISEC_ERR_STATE: { status: 500, message: 'the data directory cannot be read or written' },
  INFINISEC_ERR_SECRET_KEY: { status: 500, message: 'the secret key is missing or malformed' },
  INFINISEC_ERR_SECRET_OPEN: {
    status: 500,
    message: 'a stored secret cannot be decrypted (wrong key or altered data)',
  },
  INFINISEC_ERR_STORE: { status: 503, message: 'the store cannot be reached or refused the operation' },
  INFINISEC_ERR_BACKUP: { status: 500, message: 'the backup file is damaged, altered or not a backup' },
} as const;

/** A code from the catalogue. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/**
 * A fault (never a security decision) with a catalogue code; the message is prefixed by its component.
 * @example throw new InfinisecError('INFINISEC_ERR_LISTEN', 'gateway', 'port 8080 is in use', { cause });
 */
export class InfinisecError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly component: string;
  /** Detail lines, e.g. every problem found in a config file. */
  readonly details: readonly string[];

  constructor(
    code: ErrorCode,
    component: string,
    detail?: string,
    options: { cause?: unknown; details?: readonly string[] } = {},
  ) {
    const base = ERROR_CATALOGUE[code].message;
    super(`${component}: ${base}${detail ? `: ${detail}` : ''}`, { cause: options.cause });
    this.name = 'InfinisecError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.component = component;
    this.details = options.details ?? [];
  }
}

/** True when `err` is an InfinisecError, optionally with the given code. */
export function isInfinisecError(err: unknown, code?: ErrorCode): err is InfinisecError {
  return err instanceof InfinisecError && (code === undefined || err.code === code);
}
