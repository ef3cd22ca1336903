import { readFileSync } from 'node:fs';
import { openStores } from '../../app/index.js';
import { loadConfig } from '../../config/index.js';
import { foldUsername, HttpError, newUser } from '../../control/index.js';
import { InfinisecError, ROLES, type Role } from '../../core/index.js';
import { createAuditLog } from '../../guardian/index.js';
import { type CliIo, type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = `usage: infinisec users add NAME --role viewer|analyst|operator|admin [--password-file FILE|-]
       infinisec users list
       infinisec users delete NAME
       infinisec users unlock NAME
       infinisec users reset-mfa NAME
       (each takes -c, --config FILE)`;

function usage(message: string): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', message, { details: [USAGE] });
}

/** Reads a password from a file, from standard input (`-`), or asks for it on the terminal without echo. */
async function readPassword(file: string | undefined, io: CliIo): Promise<string> {
  if (file !== undefined) return readFileSync(file === '-' ? 0 : file, 'utf8').split(/\r?\n/)[0] ?? '';
  if (!process.stdin.isTTY)
    throw usage('add: give the password with --password-file FILE (or - for standard input)');
  io.err('Password: ');
  return new Promise((resolve) => {
    const stdin = process.stdin;
    let typed = '';
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.off('data', onData);
          stdin.pause();
          io.err('\n');
          return resolve(typed);
        }
        if (ch === '\u0003') process.exit(130);
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** `infinisec users`: the people who may use the control plane, managed from the machine itself. */
export const usersCommand: Command = {
  name: 'users',
  summary: 'add, list, delete or unlock control-plane users (the first admin starts here)',
  usage: `${USAGE}

Users live in the store of the configuration (store.dataDir). Passwords are hashed with argon2id; a password
has at least 12 characters. Every change is written to the audit log as actor "cli".`,
  async run(args, io) {
    const { values, positionals } = parseOptions(
      args,
      {
        config: { type: 'string', short: 'c' },
        role: { type: 'string' },
        'password-file': { type: 'string' },
      },
      USAGE,
    );
    const [verb, name, ...rest] = positionals;
    if (rest.length > 0) throw usage(`unexpected "${rest[0]}"`);
    const config = await loadConfig({
      ...(typeof values.config === 'string' ? { file: values.config } : {}),
      env: io.env,
    });
    if (config.store.driver === 'memory') throw usage('store.driver is memory: users are not kept');
    const stores = await openStores(config);
    const audit = createAuditLog(stores.audit);
    const record = (action: string, target: string, details: Record<string, unknown> = {}) =>
      audit.append({ actor: 'cli', action, target, outcome: 'success', ip: '', details });
    const find = async () => {
      if (name === undefined) throw usage(`${verb}: missing NAME`);
      const user = await stores.users.findByUsername(foldUsername(name));
      if (!user) {
        io.err(`infinisec: no user ${foldUsername(name)}\n`);
        return undefined;
      }
      return user;
    };
    try {
      switch (verb) {
        case 'add': {
          if (name === undefined) throw usage('add: missing NAME');
          const role = values.role as Role | undefined;
          if (role === undefined || !ROLES.includes(role))
            throw usage(`add: --role must be one of ${ROLES.join(', ')}`);
          const password = await readPassword(values['password-file'] as string | undefined, io);
          const user = await newUser({ username: name, password, role }, Date.now());
          if (!(await stores.users.create(user))) {
            io.err(`infinisec: the username ${user.username} is taken\n`);
            return EXIT.failure;
          }
          await record('user.create', user.username, { role });
          io.out(`added ${user.username} (${role})\n`);
          return EXIT.ok;
        }
        case 'list': {
          const users = await stores.users.list();
          if (users.length === 0) io.out('no users yet: infinisec users add NAME --role admin\n');
          for (const u of users)
            io.out(
              `${u.username}\t${u.role}\t${u.mfaEnabled ? 'mfa' : 'no-mfa'}${u.disabled ? '\tdisabled' : ''}\n`,
            );
          return EXIT.ok;
        }
        case 'delete': {
          const user = await find();
          if (!user) return EXIT.failure;
          await stores.users.remove(user.id);
          await stores.refreshTokens.revokeUser(user.id);
          await stores.secrets.remove(`totp:${user.id}`);
          await record('user.delete', user.username);
          io.out(`deleted ${user.username}\n`);
          return EXIT.ok;
        }
        case 'unlock': {
          const user = await find();
          if (!user) return EXIT.failure;
          await stores.users.update(user.id, { failedLogins: 0, lockedUntil: 0 });
          await record('user.update', user.username, { unlock: true });
          io.out(`unlocked ${user.username}\n`);
          return EXIT.ok;
        }
        case 'reset-mfa': {
          const user = await find();
          if (!user) return EXIT.failure;
          await stores.secrets.remove(`totp:${user.id}`);
          await stores.users.update(user.id, { mfaEnabled: false, recoveryCodes: [] });
          await stores.refreshTokens.revokeUser(user.id);
          await record('auth.mfa-disable', user.username, { by: 'cli' });
          io.out(`second factor removed for ${user.username}; they enrol again after signing in\n`);
          return EXIT.ok;
        }
        default:
          throw usage(verb === undefined ? 'missing a verb' : `unknown verb "${verb}"`);
      }
    } catch (err) {
      if (err instanceof HttpError) {
        io.err(`infinisec: ${err.message}\n`);
        return EXIT.failure;
      }
      throw err;
    } finally {
      await stores.close();
    }
  },
};
