import { describe, expect, it } from 'vitest';
import { InfinisecError } from '../core/index.js';
import { parseConfigYaml } from './parse-config-yaml.js';

function parseError(text: string): InfinisecError {
  try {
    parseConfigYaml(text, 'infinisec.yaml');
  } catch (err) {
    if (err instanceof InfinisecError) return err;
    throw err;
  }
  throw new Error('expected a parse error');
}

describe('parseConfigYaml', () => {
  it('reads an empty file, or one with only comments, as {}', () => {
    expect(parseConfigYaml('', 'x.yaml')).toEqual({});
    expect(parseConfigYaml('# nothing yet\n', 'x.yaml')).toEqual({});
  });

  it('reads YAML into plain data', () => {
    expect(parseConfigYaml('control:\n  port: 9091\n', 'x.yaml')).toEqual({ control: { port: 9091 } });
  });

  it('names the line and column of a syntax error', () => {
    const err = parseError('server:\n  limits: {\n  maxBodyBytes: 1\n');
    expect(err.code).toBe('INFINISEC_ERR_CONFIG_PARSE');
    expect(err.message).toMatch(
      /^config: the configuration file is not valid YAML: infinisec\.yaml:3:3: Flow map/,
    );
    expect(err.details[0]).toMatch(/^infinisec\.yaml:3:3: /);
  });

  it('refuses duplicate keys and tabs, with positions', () => {
    expect(parseError('control:\n  port: 1\n  port: 2\n').details[0]).toMatch(
      /^infinisec\.yaml:3:3: Map keys must be unique/,
    );
    expect(parseError('sites:\n\t- a\n').message).toContain('infinisec.yaml:2:1');
  });

  it('turns an alias to a missing anchor into a parse error, not a crash', () => {
    expect(parseError('control: *nowhere\n').code).toBe('INFINISEC_ERR_CONFIG_PARSE');
  });
});
