import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { describeConfigSchema, listConfigOptions } from './config-options.js';
import { renderConfigReference } from './reference-docs.js';
import { validateConfig } from './validate-config.js';

const checkedIn = readFileSync(new URL('../../docs/config.md', import.meta.url), 'utf8');

describe('renderConfigReference', () => {
  it('is what docs/config.md holds', () => {
    expect(
      checkedIn.trimEnd(),
      'docs/config.md is out of date: run `npm run docs:config` and commit the result',
    ).toBe(renderConfigReference().trimEnd());
  });

  it('lists every option of the schema in docs/config.md, with its env twin and description', () => {
    const rows = checkedIn.split('\n').filter((line) => line.startsWith('| `'));
    for (const option of listConfigOptions()) {
      const row = rows.find((line) => line.startsWith(`| \`${option.path}\` `));
      expect(row, `docs/config.md has no row for ${option.path}`).toBeDefined();
      expect(option.description, `${option.path} has no description in the schema`).not.toBe('');
      expect(row).toContain(`\`${option.env}\``);
      expect(row).toContain(option.description.replaceAll('|', '\\|'));
    }
  });

  it('lists every field of list entries in docs/config.md', () => {
    for (const field of describeConfigSchema().filter((node) => node.path.includes('[]'))) {
      expect(checkedIn).toContain(`| \`${field.path}\` `);
    }
  });

  it('shows an example that is a valid configuration', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(renderConfigReference())?.[1];
    expect(example).toBeDefined();
    const result = validateConfig(YAML.parse(example!));
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(example).toContain('maxBodyBytes: 10485760');
  });

  it('explains precedence, the config path variable and reloading', () => {
    const text = renderConfigReference();
    expect(text).toContain('INFINISEC_CONFIG');
    expect(text).toContain('SIGHUP');
    expect(text).toMatch(/running\s+configuration stays in place/);
  });
});
