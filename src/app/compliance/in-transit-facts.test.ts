import { describe, expect, it } from 'vitest';
import { type ConfigInput, configSchema } from '../../config/index.js';
import { inTransitFacts, isLoopback } from './in-transit-facts.js';

const config = (input: ConfigInput) => configSchema.parse(input);
const postgres = (url: string) =>
  inTransitFacts(config({ store: { driver: 'postgres', postgres: { url } } })).find((l) =>
    l.name.startsWith('PostgreSQL'),
  );

describe('inTransitFacts', () => {
  it('names every listener, with TLS where it has a certificate', () => {
    const links = inTransitFacts(
      config({
        server: {
          listeners: [
            { host: '0.0.0.0', port: 443, tls: { cert: 'c.pem', key: 'k.pem' } },
            { host: '127.0.0.1', port: 8080 },
          ],
        },
      }),
    );
    expect(links).toEqual([
      { name: 'public listener 0.0.0.0:443', tls: 'on', loopback: false },
      { name: 'public listener 127.0.0.1:8080', tls: 'off', loopback: true },
      { name: 'control listener 127.0.0.1:9090', tls: 'off', loopback: true },
    ]);
  });

  it.each([
    ['postgres://u:secret@db.internal:5432/app', 'off'],
    ['postgres://u:secret@db.internal:5432/app?sslmode=disable', 'off'],
    ['postgres://u:secret@db.internal:5432/app?sslmode=require', 'on'],
    ['postgres://u:secret@db.internal:5432/app?sslmode=verify-full', 'on'],
    ['postgres://u:secret@db.internal:5432/app?sslmode=no-verify', 'unverified'],
    ['postgres://u:secret@db.internal:5432/app?sslmode=require&uselibpqcompat=true', 'unverified'],
    ['postgres://u:secret@db.internal:5432/app?ssl=true', 'on'],
  ] as const)('%s: TLS %s, and never the password', (url, tls) => {
    const link = postgres(url);
    expect(link).toEqual({ name: 'PostgreSQL db.internal:5432', tls, loopback: false });
  });

  it('counts a Unix socket or loopback database as local', () => {
    expect(postgres('postgres://u@127.0.0.1:5432/app')?.loopback).toBe(true);
    expect(postgres('postgres:///app?host=/var/run/postgresql')).toMatchObject({
      loopback: true,
      tls: 'off',
    });
    expect(postgres('postgres://%2Fvar%2Frun%2Fpostgresql/app')).toMatchObject({ loopback: true });
  });

  it('reads TLS for Redis and NATS from their schemes', () => {
    const links = inTransitFacts(
      config({ cluster: { redis: { url: 'rediss://:pw@cache:6380' }, nats: { url: 'nats://bus:4222' } } }),
    );
    expect(links).toContainEqual({ name: 'Redis cache:6380', tls: 'on', loopback: false });
    expect(links).toContainEqual({ name: 'NATS bus:4222', tls: 'off', loopback: false });
    expect(JSON.stringify(links)).not.toContain('pw');
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.0.1', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.1', false],
    ['127.example.com', false],
  ] as const)('%s → %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });
});
