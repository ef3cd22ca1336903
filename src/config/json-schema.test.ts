import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_ID, configJsonSchema, renderConfigJsonSchema } from './json-schema.js';

describe('configJsonSchema', () => {
  it('describes the input side of the schema, with an id and a title', () => {
    const schema = configJsonSchema() as {
      $id: string;
      title: string;
      properties: Record<
        string,
        { properties?: Record<string, { default?: unknown; description?: string }> }
      >;
      additionalProperties: boolean;
    };
    expect(schema.$id).toBe(CONFIG_SCHEMA_ID);
    expect(schema.title).toBe('infinisec configuration');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.control?.properties?.port).toMatchObject({
      default: 9090,
      description: 'Port to bind; 0 picks a free one.',
    });
  });

  it('is what docs/config.schema.json holds', () => {
    const checkedIn = readFileSync(new URL('../../docs/config.schema.json', import.meta.url), 'utf8');
    expect(
      checkedIn.trimEnd(),
      'docs/config.schema.json is out of date: run `npm run docs:config` and commit the result',
    ).toBe(renderConfigJsonSchema().trimEnd());
  });
});
