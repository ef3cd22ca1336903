import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInfinisecError } from '../core/index.js';
import { readConfigFile, readConfigFileSync, resolveConfigFile } from './config-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'infinisec-config-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('resolveConfigFile', () => {
  it('prefers the given path, then INFINISEC_CONFIG, then infinisec.yaml', () => {
    const env = { INFINISEC_CONFIG: '/etc/infinisec.yaml' };
    expect(resolveConfigFile('a.yaml', env)).toEqual({ path: 'a.yaml', explicit: true });
    expect(resolveConfigFile(undefined, env)).toEqual({ path: '/etc/infinisec.yaml', explicit: true });
    expect(resolveConfigFile(undefined, {})).toEqual({ path: 'infinisec.yaml', explicit: false });
  });
});

describe('readConfigFile', () => {
  it('returns nothing for an absent default file, and fails for an absent named one', async () => {
    const path = join(dir, 'infinisec.yaml');
    expect(await readConfigFile({ path, explicit: false })).toBeUndefined();
    expect(readConfigFileSync({ path, explicit: false })).toBeUndefined();
    await expect(readConfigFile({ path, explicit: true })).rejects.toSatisfy((err) =>
      isInfinisecError(err, 'INFINISEC_ERR_CONFIG_READ'),
    );
  });

  it('fails for a directory even when it is the default path', () => {
    expect(() => readConfigFileSync({ path: dir, explicit: false })).toThrow(/it is a directory/);
  });
});
