import type { ConfigInput } from '../../src/config/index.js';

/** One plain HTTP listener on 127.0.0.1, on a free port. */
export const LOOPBACK_LISTENER = { host: '127.0.0.1', port: 0 } as const;

/**
 * A minimal configuration for tests: one listener and the control listener on free loopback ports, one site
 * answering any Host, logs off, the memory store. Tests spread their own sections over it.
 * @example spawnGateway({ ...baseConfig(upstream.url), defend: { decisions: [...] } })
 */
export function baseConfig(target: string): ConfigInput {
  return {
    server: { listeners: [LOOPBACK_LISTENER] },
    sites: [{ name: 'app', hosts: ['*'], upstream: { targets: [target] } }],
    control: { host: '127.0.0.1', port: 0 },
    logging: { level: 'silent', access: 'none' },
    // Nothing shared between tests: a test that needs the SQLite store names a data dir of its own.
    store: { driver: 'memory' },
  };
}
