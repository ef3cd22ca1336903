import { stringify } from 'yaml';
import { assertServable } from '../../app/index.js';
import {
  loadConfig,
  redactConfig,
  renderConfigJsonSchema,
  renderConfigReference,
} from '../../config/index.js';
import { InfinisecError } from '../../core/index.js';
import { type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = 'usage: infinisec config validate|print|schema|docs [--config FILE]';

/** `infinisec config`: check, show and document the configuration. */
export const configCommand: Command = {
  name: 'config',
  summary: 'validate, print, or describe the configuration',
  usage: `${USAGE}

  validate   check the file and the INFINISEC_* environment; lists every problem, exit status 2 if any
  print      the effective configuration (defaults, file and environment merged) as YAML, secrets redacted
  schema     the JSON Schema of infinisec.yaml, for editors
  docs       the configuration reference (docs/config.md)

  -c, --config FILE   configuration file (default: $INFINISEC_CONFIG, else ./infinisec.yaml)`,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { config: { type: 'string', short: 'c' } }, USAGE);
    const [action, ...rest] = positionals;
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
