import type { CommandSuspicion } from './judge-command.js';
import { statementStarts } from './statement-starts.js';

const MAX_STATEMENT = 256;
const COMPARISONS = new Set(['==', '===', 'equ', 'neq', 'lss', 'leq', 'gtr', 'geq']);
const CONDITIONS = new Set(['exist', 'defined', 'errorlevel', 'cmdextversion']);
const BATCH_COMMANDS = new Set([
  'echo',
  '@echo',
  'goto',
  'set',
  'exit',
  'call',
  'cd',
  'del',
  'copy',
  'cmd',
  'start',
  'type',
  'dir',
  'md',
  'rd',
  '(',
  '...',
]);

// Splits a cmd.exe statement into tokens: quoted strings whole, `==` and parentheses apart.
function tokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length && out.length < 16) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') i++;
    else if (c === '=' && text[i + 1] === '=') {
      let j = i;
      while (text[j] === '=') j++;
      out.push(text.slice(i, j));
      i = j;
    } else if (c === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close < 0 ? text.length : close + 1;
      out.push(text.slice(i, end));
      i = end;
    } else {
      let j = i;
      while (j < text.length && !' \t"'.includes(text[j]!) && !(text[j] === '=' && text[j + 1] === '=')) j++;
      out.push(text.slice(i, j));
      i = j;
    }
  }
  return out;
}

const VARIABLE = /%%?~?[\w@$~[\]/_-]|![\w]+!/;

function judgeFor(t: readonly string[]): number {
  // FOR [/D /R /L /F ["options"] [path]] %%v IN (set) DO command
  let i = 1;
  while (i < t.length && !t[i]!.startsWith('%')) i++;
  if (i >= t.length - 2 || !/^%%?\S{1,24}$/.test(t[i]!) || t[i + 1]!.toLowerCase() !== 'in') return 0;
  const rest = t
    .slice(i + 2)
    .join(' ')
    .toLowerCase();
  return rest.startsWith('(') && /\)\s*do\b/.test(rest) ? 1 : 0;
}

function judgeIf(t: readonly string[]): number {
  // IF [/I] [NOT] EXIST|DEFINED|ERRORLEVEL|CMDEXTVERSION x command | IF [/I] [NOT] a op b command
  let i = 1;
  const lower = (k: number) => (t[k] ?? '').toLowerCase();
  if (lower(i) === '/i') i++;
  if (lower(i) === 'not') i++;
  if (CONDITIONS.has(lower(i))) return i + 2 < t.length ? 0.95 : 0;
  if (!COMPARISONS.has(lower(i + 1)) || i + 3 > t.length - 1) return 0;
  const operands = `${t[i]} ${t[i + 2]}`;
  if (VARIABLE.test(operands) || lower(1) === '/i') return 0.95;
  if (!BATCH_COMMANDS.has(lower(i + 3))) return 0.3;
  // `IF 2 GEQ 15 echo x`: the word operators are cmd.exe's alone; `if ($a == $b) echo` is PHP.
  if (/^[a-z]{3}$/.test(lower(i + 1))) return 0.95;
  return operands.includes('$') ? 0.8 : 0.9;
}

/**
 * Windows batch control flow at a statement start: `FOR /F "…" %%G IN (…) DO …` and the `IF` forms
 * (`EXIST`, `DEFINED`, `ERRORLEVEL`, comparisons with `==`/`EQU`…) followed by a command. Prose `if`/`for`
 * lacks the loop variable, the condition keyword or the trailing command.
 */
export function findBatch(text: string): CommandSuspicion | undefined {
  let best: CommandSuspicion | undefined;
  for (const start of statementStarts(text)) {
    const head = text.slice(start, start + 4).toLowerCase();
    const isFor = head.startsWith('for') && /[\s/]/.test(head[3] ?? '');
    const isIf = head.startsWith('if') && /[\s/]/.test(head[2] ?? '');
    if (!isFor && !isIf) continue;
    const statement = text.slice(start, start + MAX_STATEMENT);
    const t = tokens(statement.replace(/^(?:for|if)\//i, (m) => `${m.slice(0, -1)} /`));
    let c = isFor ? judgeFor(t) : judgeIf(t);
    if (c > 0 && start > 0) c = Math.min(1, c + 0.1);
    if (c > (best?.confidence ?? 0))
      best = { rule: 'cmdi/windows-batch', confidence: c, start, end: start + 64 };
  }
  return best;
}
