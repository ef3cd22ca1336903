/** The logging surface the modules use; pino's logger satisfies it, and tests pass a hand-written one. */
export interface Log {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

/** A log that writes nothing. */
export const SILENT_LOG: Log = { error() {}, warn() {}, info() {}, debug() {} };
