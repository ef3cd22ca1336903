import { describe, expect, it } from 'vitest';
import { isLoopbackHost, remoteHostProblems } from './loopback.js';

describe('isLoopbackHost', () => {
  it.each(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each(['10.0.0.1', '0.0.0.0', '::', 'example.com', 'localhost.example.com', '128.0.0.1', '::2'])(
    '%s is not',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
});

describe('remoteHostProblems', () => {
  const hosts = [
    { path: 'upstream', host: '10.0.0.5' },
    { path: 'listen', host: '127.0.0.1' },
    { path: 'steadyState.probe.url', host: 'Gateway.Internal' },
  ];

  it('names every host that is not loopback, at its path', () => {
    expect(remoteHostProblems(hosts, []).map((p) => p.path)).toEqual(['upstream', 'steadyState.probe.url']);
  });

  it('lets through the hosts the operator names', () => {
    expect(remoteHostProblems(hosts, ['10.0.0.5', 'gateway.internal'])).toEqual([]);
  });
});
