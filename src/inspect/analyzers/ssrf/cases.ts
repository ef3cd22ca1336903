import type { ValueKind } from '../../inspectable.js';

/** One detection case: a value, where it came from, and the rule expected (null: must not be flagged). */
export interface SsrfCase {
  readonly input: string;
  readonly kind?: ValueKind;
  readonly location?: string;
  readonly expect: string | null;
}

/**
 * SSRF cases shared by the unit test, the benchmark and the fuzz target. Attacks name the rule that must
 * fire (at paranoid strength or more); benign URLs and look-alike numbers must stay below it.
 */
export const SSRF_CASES: readonly SsrfCase[] = [
  { input: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/', expect: 'ssrf/metadata' },
  { input: 'http://metadata.google.internal/computeMetadata/v1/', expect: 'ssrf/metadata' },
  { input: 'http://100.100.100.200/latest/meta-data', expect: 'ssrf/metadata' },
  { input: 'http://[fd00:ec2::254]/latest/meta-data/', expect: 'ssrf/metadata' },
  { input: 'http://2852039166/', expect: 'ssrf/metadata' },
  { input: 'http://0xA9FEA9FE/', expect: 'ssrf/metadata' },
  { input: 'http://[::ffff:a9fe:a9fe]/', expect: 'ssrf/metadata' },
  { input: 'http://169.254.169.254.nip.io/', expect: 'ssrf/dns-rebinding' },
  { input: 'http://127.0.0.1:6379/', expect: 'ssrf/loopback' },
  { input: 'http://2130706433/', expect: 'ssrf/loopback' },
  { input: 'http://0x7f.1/', expect: 'ssrf/loopback' },
  { input: 'http://0177.0.0.1/', expect: 'ssrf/loopback' },
  { input: 'http://127.1/', expect: 'ssrf/loopback' },
  { input: 'http://[::1]/', expect: 'ssrf/loopback' },
  { input: 'http://[::ffff:127.0.0.1]/', expect: 'ssrf/loopback' },
  { input: 'http://[0:0:0:0:0:ffff:7f00:1]/', expect: 'ssrf/loopback' },
  { input: 'http://localhost/admin', expect: 'ssrf/loopback' },
  { input: 'https://app.localhost/', expect: 'ssrf/loopback' },
  { input: 'http://localtest.me/', expect: 'ssrf/loopback' },
  { input: 'http://①②⑦.⓪.⓪.①/', expect: 'ssrf/parser-confusion' },
  { input: 'http:127.0.0.1', expect: 'ssrf/loopback' },
  { input: 'http://0/', expect: 'ssrf/internal-address' },
  { input: 'http://[::]/', expect: 'ssrf/internal-address' },
  { input: 'http://10.0.0.5/internal', expect: 'ssrf/internal-address' },
  { input: 'http://192.168.1.1/', expect: 'ssrf/internal-address' },
  { input: 'http://[fe80::1%25eth0]/', expect: 'ssrf/internal-address' },
  { input: 'http://host.docker.internal:2375/containers/json', expect: 'ssrf/loopback' },
  { input: 'http://kubernetes.default.svc/api', expect: 'ssrf/internal-name' },
  { input: 'http://127.0.0.1.nip.io/', expect: 'ssrf/dns-rebinding' },
  { input: 'http://7f000001.c0a80001.rbndr.us/', expect: 'ssrf/dns-rebinding' },
  { input: 'http://evil.example@127.0.0.1/', expect: 'ssrf/loopback' },
  { input: 'http://google.com:80#@127.0.0.1/', expect: 'ssrf/parser-confusion' },
  { input: 'http://\\l\\o\\c\\a\\l\\h\\o\\s\\t/', expect: 'ssrf/parser-confusion' },
  { input: 'http://7147006462/', expect: 'ssrf/metadata' },
  { input: 'http://123456789/', expect: 'ssrf/obfuscated-ip' },
  { input: 'gopher://127.0.0.1:6379/_FLUSHALL', expect: 'ssrf/dangerous-scheme' },
  { input: 'gopher://evil.example/_x', expect: 'ssrf/dangerous-scheme' },
  { input: 'dict://evil.example:11211/stats', expect: 'ssrf/dangerous-scheme' },
  { input: 'file:///etc/passwd', expect: 'ssrf/dangerous-scheme' },
  { input: 'jar:http://evil.example/a.jar!/', expect: 'ssrf/dangerous-scheme' },
  { input: 'netdoc:///etc/passwd', expect: 'ssrf/dangerous-scheme' },
  { input: 'tftp://evil.example/x', expect: 'ssrf/dangerous-scheme' },
  { input: 'localhost:8080/admin', expect: 'ssrf/loopback' },
  { input: '169.254.169.254/latest/user-data', expect: 'ssrf/metadata' },
  { input: 'http%3A%2F%2F127.0.0.1%2Fadmin', expect: 'ssrf/loopback' },

  // Benign: public URLs, IPs in query strings, numbers, versions, CIDR, names that only look internal.
  { input: 'https://example.com/', expect: null },
  { input: 'https://www.google.com/search?q=127.0.0.1', expect: null },
  { input: 'https://example.com/?next=http://localhost', expect: null },
  { input: '127.0.0.1', expect: null },
  { input: '10.0.0.0/8', expect: null },
  { input: 'version 1.2.3.4', expect: null },
  { input: '2130706433', expect: null },
  { input: 'user@example.com', expect: null },
  { input: 'mailto:someone@example.com', expect: null },
  { input: 'Meeting at 10:30', expect: null },
  { input: 'localhost', expect: null },
  { input: 'mylocalhost', expect: null },
  { input: 'example.com/', expect: null },
  { input: 'https://localhost.example.com/', expect: null },
  { input: 'https://api.internalhub.com/', expect: null },
  { input: 'http://203.0.113.7/', expect: null },
  { input: 'https://cdn1.example.com/a/b.png', expect: null },
  { input: 'ratio 1:2', expect: null },
  { input: 'urn:isbn:0451450523', expect: null },
  { input: 'http://localhost:3000/callback', kind: 'header-value', location: 'header.referer', expect: null },
  { input: 'http://localhost:8080/callback', location: 'query.redirect_uri', expect: 'ssrf/loopback' },
  {
    input: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    kind: 'header-value',
    expect: null,
  },
  { input: '2024-05-06T10:30:00+02:00', expect: null },
  { input: '12:34:56', expect: null },
  { input: 'It works at http://127.0.0.1:8080 but not in prod', kind: 'body-value', expect: null },
];
