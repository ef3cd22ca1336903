import { readFileSync } from 'node:fs';
import { type CliIo, type Command, EXIT } from './command.js';
import { attackCommand } from './commands/attack.js';
import { auditCommand } from './commands/audit.js';
import { backupCommand } from './commands/backup.js';
import { chaosCommand } from './commands/chaos.js';
import { configCommand } from './commands/config.js';
import { decisionsCommand } from './commands/decisions.js';
import { demoCommand } from './commands/demo.js';
import { inspectCommand } from './commands/inspect.js';
import { privacyCommand } from './commands/privacy.js';
import { reportCommand } from './commands/report.js';
import { scanCommand } from './commands/scan.js';
import { secretsCommand } from './commands/secrets.js';
import { startCommand } from './commands/start.js';
import { usersCommand } from './commands/users.js';
import { reportError } from './report-error.js';

const COMMANDS: readonly Command[] = [
  startCommand,
  configCommand,
  decisionsCommand,
  usersCommand,
  auditCommand,
  backupCommand,
  reportCommand,
  privacyCommand,
  secretsCommand,
  scanCommand,
  inspectCommand,
  attackCommand,
  chaosCommand,
  demoCommand,
];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`);
  return `infinisec ${version()}: a self-hosted security gateway for web apps and APIs

usage: infinisec <command> [options]

commands:
${lines.join('\n')}

  infinisec <command> --help   options of a command
  infinisec --version          the version
`;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/**
 * Runs the CLI and returns the exit status; user mistakes are one line on stderr, never a stack trace.
 * @example process.exitCode = await runCli(['config', 'validate', '--config', 'infinisec.yaml']);
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`infinisec: unknown command "${name}" (try infinisec --help)\n`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    return reportError(err, io);
  }
}
