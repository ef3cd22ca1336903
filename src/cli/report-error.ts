import { isInfinisecError } from '../core/index.js';
import { type CliIo, EXIT } from './command.js';

/**
 * Reports a failure as one clear line (plus one line per problem for config errors), never a stack trace,
 * and returns the exit status: 2 for configuration and usage errors, 1 otherwise.
 */
export function reportError(err: unknown, io: CliIo): number {
  if (isInfinisecError(err)) {
    io.err(`infinisec: ${err.message} [${err.code}]\n`);
    for (const line of err.details) io.err(`  - ${line}\n`);
    const usage = err.code.startsWith('INFINISEC_ERR_CONFIG') || err.code === 'INFINISEC_ERR_CLI_USAGE';
    return usage ? EXIT.usage : EXIT.failure;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`infinisec: unexpected error: ${message}\n`);
  if (io.env.INFINISEC_DEBUG && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
  return EXIT.failure;
}
