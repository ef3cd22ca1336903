import type { ConfigInput } from '../config/index.js';

/** Settings laid under the user's file in demo mode: one site in front of the bundled demo app. */
export function demoConfig(demoUrl: string): ConfigInput {
  return {
    server: { listeners: [{ host: '127.0.0.1', port: 8080 }] },
    sites: [{ name: 'demo', hosts: ['*'], upstream: { targets: [demoUrl] } }],
  };
}
