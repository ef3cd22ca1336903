import { z } from 'zod';
import { configSchema } from './schema.js';

/** The `$id` of the config JSON Schema; a URN, since the schema is shipped in the repository, not hosted. */
export const CONFIG_SCHEMA_ID = 'urn:infinisec:config';

/**
 * The JSON Schema of `infinisec.yaml`, for editors: the input side, so options with defaults are optional.
 * @example // first line of infinisec.yaml: # yaml-language-server: $schema=./docs/config.schema.json
 */
export function configJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(configSchema, { io: 'input' });
  return {
    $schema,
    $id: CONFIG_SCHEMA_ID,
    title: 'infinisec configuration',
    description: 'The configuration file of the infinisec security gateway, infinisec.yaml.',
    ...rest,
  };
}

/** The JSON Schema as the text of `docs/config.schema.json` (what `infinisec config schema` prints). */
export function renderConfigJsonSchema(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
