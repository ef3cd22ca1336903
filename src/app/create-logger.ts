import { type DestinationStream, type Logger, pino } from 'pino';
import type { Config } from '../config/index.js';

/** Paths whose values never reach a log line, whatever a caller passes in. */
const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'cookie',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
];

/**
 * Creates the process logger: JSON lines on standard output (or the given stream), secrets redacted.
 * @example createLogger(config.logging).info({ requestId }, 'request blocked')
 */
export function createLogger(logging: Config['logging'], destination?: DestinationStream): Logger {
  return pino(
    {
      name: 'infinisec',
      level: logging.level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
