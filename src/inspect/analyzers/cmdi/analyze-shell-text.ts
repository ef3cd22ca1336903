import { findBatch } from './batch-syntax.js';
import { type CommandSuspicion, judgeCommand } from './judge-command.js';
import { parseShell } from './parse-shell.js';
import { isGlobbedSensitive } from './sensitive-arg.js';
import { findForkBomb, findSsi } from './special-forms.js';

const CHAIN_BONUS = 0.1;

function keep(out: CommandSuspicion[], s: CommandSuspicion | undefined): void {
  if (s === undefined) return;
  const i = out.findIndex((o) => o.rule === s.rule);
  if (i < 0) out.push(s);
  else if (s.confidence > out[i]!.confidence) out[i] = s;
}

// One reading of the value: bare, or after the application's opening quote (`prefix`).
function readAs(text: string, prefix: string, out: CommandSuspicion[]): void {
  const source = prefix + text;
  const parse = parseShell(source);
  const shift = (s: CommandSuspicion): CommandSuspicion => ({
    ...s,
    start: Math.max(0, s.start - prefix.length),
    end: Math.max(0, s.end - prefix.length),
  });
  const found: CommandSuspicion[] = [];
  let hits = 0;
  for (const command of parse.commands) {
    // After an opening quote the value's first words are arguments of the application's own command.
    if (prefix !== '' && command.context === 'start') continue;
    const s = judgeCommand(command, source);
    const markdown = command.operator === '`' && !command.commandPosition;
    if (s !== undefined && s.confidence >= 0.4 && !markdown) hits++;
    if (s !== undefined) keep(found, shift(s));
    for (const word of command.words) {
      if (isGlobbedSensitive(word.text)) {
        keep(found, shift({ rule: 'cmdi/glob-path', confidence: 0.95, start: word.start, end: word.end }));
      }
    }
  }
  for (const s of found) {
    // Two or more commands strung together by shell operators is shell code, not prose.
    const chained = hits >= 2 && s.rule !== 'cmdi/shell-command' && s.confidence >= 0.6;
    keep(out, chained ? { ...s, confidence: Math.min(1, s.confidence + CHAIN_BONUS) } : s);
  }
  const whole = (rule: string, confidence: number) =>
    keep(out, { rule, confidence, start: 0, end: text.length });
  if (parse.ifs) whole('cmdi/ifs-evasion', 0.9);
  if (parse.emptySubstitution) whole('cmdi/empty-substitution', 0.9);
  if (parse.paramTrick || parse.arithmetic) whole('cmdi/shell-expansion', 0.6);
}

/**
 * Every command-injection suspicion in one spelling of a value: the shell readings (bare, after `'`,
 * after `"`), Windows batch statements, SSI directives and fork bombs; at most one per rule.
 */
export function analyzeShellText(text: string): CommandSuspicion[] {
  const out: CommandSuspicion[] = [];
  readAs(text, '', out);
  if (text.includes("'")) readAs(text, "'", out);
  if (text.includes('"')) readAs(text, '"', out);
  keep(out, findBatch(text));
  keep(out, findSsi(text));
  keep(out, findForkBomb(text));
  return out;
}
