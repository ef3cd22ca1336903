import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, InfinisecError, isInfinisecError } from './errors.js';

describe('error catalogue', () => {
  const docs = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

  it('documents every code with its status in docs/errors.md', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      const row = new RegExp(`^\\| \`${code}\`\\s*\\| ${entry.status}\\s*\\|`, 'm');
      expect(docs, `${code} with status ${entry.status} is missing from docs/errors.md`).toMatch(row);
    }
  });

  it('documents no code that the catalogue lacks', () => {
    const documented = [...docs.matchAll(/`(INFINISEC_ERR_[A-Z_]+)`/g)].map((m) => m[1]);
    for (const code of documented) expect(Object.keys(ERROR_CATALOGUE)).toContain(code);
  });

  it('prefixes the message with the component and keeps cause and details', () => {
    const cause = new Error('EADDRINUSE');
    const err = new InfinisecError('INFINISEC_ERR_LISTEN', 'gateway', '0.0.0.0:8080', {
      cause,
      details: ['a'],
    });
    expect(err.message).toBe('gateway: a listener cannot be opened: 0.0.0.0:8080');
    expect(err.cause).toBe(cause);
    expect(err.status).toBe(500);
    expect(err.details).toEqual(['a']);
    expect(isInfinisecError(err, 'INFINISEC_ERR_LISTEN')).toBe(true);
    expect(isInfinisecError(err, 'INFINISEC_ERR_TLS')).toBe(false);
    expect(isInfinisecError(new Error('x'))).toBe(false);
  });
});
