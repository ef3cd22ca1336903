import { describe, expect, it } from 'vitest';
import { passesLuhn } from './luhn.js';
import { createRedactor } from './redactor.js';
import { redactSecrets } from './secret-patterns.js';

// [text, what must not survive, the marker that stands in for it]
const SECRETS: readonly [string, string, string][] = [
  ['Authorization: Bearer abcDEF123456.xyz-789', 'abcDEF123456', 'Bearer [secret]'],
  ['Authorization: Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz', 'Basic [secret]'],
  ['GET /login?user=bob&password=hunter2&next=/', 'hunter2', 'password=[secret]&next=/'],
  ['/api?api_key=AbC123xyz789&page=2', 'AbC123xyz789', 'api_key=[secret]'],
  ['{"username":"bob","passwd":"s3cr3t!","remember":true}', 's3cr3t!', '"passwd":"[secret]"'],
  ["{'client_secret': 'tOp-SeCrEt'}", 'tOp-SeCrEt', "'client_secret': '[secret]'"],
  ['X-Api-Key: 9f8e7d6c5b4a', '9f8e7d6c5b4a', 'X-Api-Key: [secret]'],
  ['Cookie: sid=abc123; theme=dark', 'abc123', 'Cookie: [secret]'],
  ['set-cookie: session=zzz999; Path=/', 'zzz999', 'set-cookie: [secret]'],
  ['access_token=ya29.a0AfH6SMB', 'ya29.a0AfH6SMB', 'access_token=[secret]'],
  [
    'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
    '[jwt]',
  ],
  ['key is AKIAIOSFODNN7EXAMPLE ok', 'AKIAIOSFODNN7EXAMPLE', '[aws-key]'],
  ['aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI', '=[secret]'],
  ['use sk-proj-AbCdEfGhIjKlMnOpQrStUv123 now', 'sk-proj-AbCdEfGhIjKlMnOpQrStUv123', '[api-key]'],
  ['ghp_0123456789abcdefghijABCDEFGHIJ', 'ghp_0123456789abcdefghij', '[api-key]'],
  ['stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', '[api-key]'],
  [
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7x\nQkJ8s=\n-----END RSA PRIVATE KEY-----',
    'MIIEowIBAAKCAQEA7x',
    '[private-key]',
  ],
  [
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B (cut)',
    'MIIEvQIBADANBgkqhkiG9w0B',
    '[private-key]',
  ],
  ['postgres://app:Sup3rS3cret@db.internal:5432/shop', 'Sup3rS3cret', 'postgres://app:[secret]@db.internal'],
  ['card 4111 1111 1111 1111 exp 12/29', '4111 1111 1111 1111', 'card [card] exp'],
  ['cc=5500-0000-0000-0004', '5500-0000-0000-0004', '[card]'],
  ['write to alice.smith+waf@example.co.uk please', 'alice.smith', '[email]'],
];

describe('redactSecrets', () => {
  it.each(SECRETS)('takes the secret out of %j', (text, secret, marker) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(marker);
  });

  it.each([
    'GET /products?page=2&sort=price',
    'Basic authentication failed for the user',
    'the token expired and the session ended',
    'at 1747236600000 the score was 0.9',
    'order 4111 1111 1111 1112 is not a card',
    'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/126.0',
  ])('leaves %j alone', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('passesLuhn', () => {
  it('accepts card-like numbers with a good check digit only', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('12a4')).toBe(false);
  });
});

describe('createRedactor', () => {
  it('gives each address a pseudonym that holds for the request and maps back', () => {
    const r = createRedactor();
    const out = r.redact('203.0.113.7 then 2001:DB8::1 then 203.0.113.7 again, from 198.51.100.9');
    expect(out).toBe('client-1 then client-2 then client-1 again, from client-3');
    expect(r.restore('block client-1 and client-3, not client-9')).toBe(
      'block 203.0.113.7 and 198.51.100.9, not client-9',
    );
    expect(r.addressOf('client-2')).toBe('2001:db8::1');
    expect(createRedactor().redact('198.51.100.9')).toBe('client-1');
  });

  it('numbers known clients first when asked', () => {
    const r = createRedactor();
    expect(r.pseudonymOf('198.51.100.9')).toBe('client-1');
    expect(r.redact('from 203.0.113.7 and 198.51.100.9')).toBe('from client-2 and client-1');
  });

  it('respells text that already looks like a pseudonym, so it is never restored into an address', () => {
    const r = createRedactor();
    const out = r.redact('user agent says client-1; real address 203.0.113.7');
    expect(out).toBe('user agent says client_1; real address client-1');
    expect(r.restore(out)).toBe('user agent says client_1; real address 203.0.113.7');
  });

  it('leaves version numbers, times and IPv6-looking words alone', () => {
    const r = createRedactor();
    const text = 'Chrome/124.0.6367.91 at 12:30:45, cafe:bad words, v1.2.3';
    expect(r.redact(text)).toBe(text);
  });

  it('does secrets and addresses together', () => {
    const r = createRedactor();
    expect(r.redact('http://bob:pw1@10.0.0.5/?token=abc123456 by bob@example.com')).toBe(
      'http://bob:[secret]@client-1/?token=[secret] by [email]',
    );
  });
});
