import { DEFAULT_CONFIG_FILE } from './config-file.js';
import { listConfigOptions } from './config-options.js';
import { CONFIG_PATH_ENV, envNameFor } from './env-name.js';
import { renderExampleConfig } from './example-config.js';
import { renderOptionTables } from './option-tables.js';

/**
 * The configuration reference, `docs/config.md`, generated from the schema (`infinisec config docs` prints it).
 * @example writeFileSync('docs/config.md', renderConfigReference());
 */
export function renderConfigReference(): string {
  const twin = envNameFor(['server', 'limits', 'maxBodyBytes']);
  const options = listConfigOptions().length;
  return [
    '# Configuration reference',
    '',
    '<!-- Generated from src/config/schema.ts by `npm run docs:config`. Edit the schema, not this file. -->',
    '',
    `infinisec reads one YAML file, \`${DEFAULT_CONFIG_FILE}\`. Every section has defaults, so an empty file (or`,
    `none) is a valid configuration; each of the ${options} options can also be set from the environment.`,
    '',
    '## Where a value comes from',
    '',
    'For each option the first of these that sets it wins:',
    '',
    "1. the option's environment variable, its _env twin_;",
    `2. the file: the path in \`${CONFIG_PATH_ENV}\` (or given on the command line), else \`${DEFAULT_CONFIG_FILE}\``,
    '   in the working directory;',
    '3. the default listed below.',
    '',
    `A file that was named must exist. When \`${DEFAULT_CONFIG_FILE}\` is simply absent the defaults apply.`,
    '',
    '## Environment variables',
    '',
    "An option's env twin is `INFINISEC_` and its path in SCREAMING_SNAKE_CASE: `server.limits.maxBodyBytes`",
    `is \`${twin}\`.`,
    '',
    '- Numbers are written as usual; booleans as `true` or `false` (`1`/`0`, `yes`/`no`, `on`/`off` also work).',
    '- A list is one variable holding JSON, and replaces the whole list in the file:',
    '  `INFINISEC_SITES=\'[{"name":"app","hosts":["*"],"upstream":{"targets":["http://127.0.0.1:3000"]}}]\'`.',
    '  A list of strings may also be comma-separated: `INFINISEC_SERVER_TRUSTED_PROXIES=10.0.0.0/8,192.168.0.0/16`.',
    '- An empty variable counts as unset.',
    `- \`${CONFIG_PATH_ENV}\` names the file and is not an option. Any other unknown \`INFINISEC_*\` variable is`,
    '  refused, since it is most likely a typo.',
    '',
    '## Validation',
    '',
    'The configuration is checked as a whole before it is used, and refused if anything is wrong. The error lists',
    'every problem at once, one per line, by option path (or by variable, for a value from the environment):',
    '',
    '```text',
    'sites.0.upstream.targets.0: must be an http:// or https:// origin, like http://127.0.0.1:3000',
    'server: unknown option "bogus"',
    'INFINISEC_CONTROL_PORT: expected a number for control.port, got "abc"',
    '```',
    '',
    'Unknown options are errors, not ignored. For completion and checks in an editor, point the YAML language',
    'server at the JSON Schema with a first line `# yaml-language-server: $schema=./docs/config.schema.json`.',
    '',
    '## Reloading',
    '',
    'Send the process `SIGHUP`, or change the file: infinisec reads the configuration again and switches to it.',
    'A file that cannot be read, parsed or validated is refused with the same list of problems, and the running',
    'configuration stays in place. Environment variables are fixed for the life of the process, so they keep',
    'winning over the file after a reload.',
    '',
    '## Example',
    '',
    '```yaml',
    renderExampleConfig().trimEnd(),
    '```',
    '',
    '## Options',
    '',
    renderOptionTables().trimEnd(),
    '',
  ].join('\n');
}
