import { describe, expect, it } from 'vitest';
import { isInfinisecError } from '../../core/index.js';
import { isLoopbackAddress, resolveAttackTarget } from './attack-target.js';

const names: Record<string, string[]> = {
  localhost: ['127.0.0.1', '::1'],
  'shop.test': ['203.0.113.7'],
  'mixed.test': ['127.0.0.1', '203.0.113.8'],
};
const lookup = async (name: string) => names[name] ?? [];

async function refusal(url: string, allow: string[] = []): Promise<string> {
  try {
    await resolveAttackTarget(url, allow, { lookup });
  } catch (err) {
    if (isInfinisecError(err, 'INFINISEC_ERR_CLI_USAGE')) return err.message;
    throw err;
  }
  throw new Error(`${url} was not refused`);
}

describe('resolveAttackTarget', () => {
  it('accepts loopback addresses and names that only resolve to loopback', async () => {
    const v4 = await resolveAttackTarget('http://127.0.0.1:8080/ignored?x=1', [], { lookup });
    expect(v4).toMatchObject({
      origin: 'http://127.0.0.1:8080',
      host: '127.0.0.1:8080',
      endpoint: { address: '127.0.0.1', port: 8080 },
      loopback: true,
    });
    const named = await resolveAttackTarget('https://localhost', [], { lookup });
    expect(named.endpoint).toMatchObject({
      address: '127.0.0.1',
      port: 443,
      tls: { servername: 'localhost' },
    });
    expect((await resolveAttackTarget('http://[::1]:81', [], { lookup })).endpoint.address).toBe('::1');
  });

  it('refuses any other host with the option that would allow it', async () => {
    expect(await refusal('http://203.0.113.7/')).toContain('--allow-host 203.0.113.7');
    expect(await refusal('http://shop.test/')).toContain('refusing to attack shop.test');
    // One address elsewhere is enough to refuse: the name could point there for any request.
    expect(await refusal('http://mixed.test/')).toContain('not a loopback address');
    expect(await refusal('http://shop.test/', ['other.test'])).toContain('--allow-host shop.test');
    expect(await refusal('ftp://127.0.0.1/')).toContain('only http');
    expect(await refusal('not a url')).toContain('is not a URL');
  });

  it('attacks a host --allow-host names exactly, at the address resolved once', async () => {
    const target = await resolveAttackTarget('http://Shop.test:8443', ['shop.test'], { lookup });
    expect(target).toMatchObject({ endpoint: { address: '203.0.113.7', port: 8443 }, loopback: false });
  });
});

describe('isLoopbackAddress', () => {
  it('knows 127.0.0.0/8, ::1 and the mapped form, and nothing else', () => {
    for (const a of ['127.0.0.1', '127.9.8.7', '::1', '::ffff:127.0.0.2'])
      expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['10.0.0.1', '128.0.0.1', '::2', '0.0.0.0', '::'])
      expect(isLoopbackAddress(a)).toBe(false);
  });
});
