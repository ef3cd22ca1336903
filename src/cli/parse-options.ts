import { type ParseArgsConfig, parseArgs } from 'node:util';
import { InfinisecError } from '../core/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments: option values by name and the positionals. */
export interface ParsedOptions {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** Parses a command's arguments; an unknown or malformed option is a usage error, not a crash. */
export function parseOptions(args: readonly string[], options: Options, usage: string): ParsedOptions {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedOptions['values'], positionals };
  } catch (cause) {
    throw new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', (cause as Error).message, {
      details: [usage],
    });
  }
}
