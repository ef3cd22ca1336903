import { stringify } from 'yaml';
import { assertServable, openStores, rollbackConfigFile } from '../../app/index.js';
import {
  loadConfig,
  redactConfig,
  renderConfigJsonSchema,
  renderConfigReference,
} from '../../config/index.js';
import { InfinisecError } from '../../core/index.js';
import { type CliIo, type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE =
  'usage: infinisec config validate|print|schema|docs|versions [--config FILE]\n       infinisec config rollback VERSION [--config FILE]';

/** `infinisec config`: check, show and document the configuration. */
export const configCommand: Command = {
  name: 'config',
  summary: 'validate, print, or describe the configuration',
  usage: `${USAGE}

  validate   check the file and the INFINISEC_* environment; lists every problem, exit status 2 if any
  print      the effective configuration (defaults, file and environment merged) as YAML, secrets redacted
  schema     the JSON Schema of infinisec.yaml, for editors
  docs       the configuration reference (docs/config.md)
  versions   the applied configurations recorded, newest first
  rollback N write version N back to the configuration file (a running infinisec applies it on its own);
             audited as config.rollback by cli, without change approvals: the local operator's path

  -c, --config FILE   configuration file (default: $INFINISEC_CONFIG, else ./infinisec.yaml)`,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { config: { type: 'string', short: 'c' } }, USAGE);
    const [action, ...rest] = positionals;
    if (action === 'rollback')
      return rollback(rest, typeof values.config === 'string' ? values.config : undefined, io);
    if (rest.length > 0)
      throw new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', `unexpected "${rest[0]}"`, {
        details: [USAGE],
      });
    const file = typeof values.config === 'string' ? { file: values.config } : {};
    switch (action) {
      case 'validate': {
        const config = await loadConfig({ ...file, env: io.env });
        assertServable(config);
        const sites = config.sites.length;
        io.out(
          `config ok: ${sites} site${sites === 1 ? '' : 's'}, ${config.server.listeners.length} listener(s)\n`,
        );
        return EXIT.ok;
      }
      case 'print': {
        const config = await loadConfig({ ...file, env: io.env });
        // The output lands in terminals, tickets and CI logs: keys stay out of it.
        io.out(stringify(redactConfig(config)));
        return EXIT.ok;
      }
      case 'schema':
        io.out(renderConfigJsonSchema());
        return EXIT.ok;
      case 'docs':
        io.out(renderConfigReference());
        return EXIT.ok;
      case 'versions': {
        const config = await loadConfig({ ...file, env: io.env });
        const stores = await openStores(config);
        try {
          const versions = await stores.configVersions.list(50);
          if (versions.length === 0) io.out('no configuration version recorded yet\n');
          for (const v of versions)
            io.out(
              `${String(v.version).padStart(4)}  ${new Date(v.time).toISOString()}  ${v.author}${v.comment ? `  ${v.comment}` : ''}${v.sealed === null ? '  (text not kept)' : ''}\n`,
            );
        } finally {
          await stores.close();
        }
        return EXIT.ok;
      }
      default:
        throw new InfinisecError(
          'INFINISEC_ERR_CLI_USAGE',
          'cli',
          action ? `unknown action "${action}"` : 'missing action',
          {
            details: [USAGE],
          },
        );
    }
  },
};

async function rollback(args: readonly string[], configFile: string | undefined, io: CliIo): Promise<number> {
  const version = Number(args[0]);
  if (args.length !== 1 || !Number.isSafeInteger(version) || version < 1)
    throw new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', 'name one version number to roll back to', {
      details: [USAGE],
    });
  const config = await loadConfig({ ...(configFile ? { file: configFile } : {}), env: io.env });
  const done = await rollbackConfigFile(config, configFile, version, io.env);
  io.out(
    done.changed
      ? `wrote version ${done.version} to ${done.file}; a running infinisec applies it as a new version\n`
      : `${done.file} already holds version ${done.version}; nothing changed\n`,
  );
  return EXIT.ok;
}
