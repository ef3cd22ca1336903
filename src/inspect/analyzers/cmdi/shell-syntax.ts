/** One shell word after quote removal and expansion, with what its spelling reveals. */
export interface ShellWord {
  /** The word as the shell would see it: quotes removed, escapes applied, known variables expanded. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Some part was quoted. */
  readonly quoted: boolean;
  /** Quotes, escapes or empty expansions inside the word (`c'a't`, `c\at`, `c$@at`, `pi$()ng`). */
  readonly split: boolean;
  /** Made (partly) of a variable or substitution (`$SHELL`, `$a`). */
  readonly expanded: boolean;
  /** Unquoted glob characters (`/???/c?t`, `/etc/pa[s]swd`). */
  readonly glob: boolean;
  /** Unquoted brace expansion (`{cat,/etc/passwd}`). */
  readonly brace: boolean;
}

/** How a command came to be where it is. */
export type CommandContext = 'start' | 'separator' | 'pipe' | 'substitution' | 'group';

/** One simple command: its words, how it was introduced, and its redirections. */
export interface ShellCommand {
  readonly words: ShellWord[];
  readonly context: CommandContext;
  /** The operator before it (`;`, `&&`, `|`, `$(`, `` ` ``, newline...), '' at the start. */
  readonly operator: string;
  /** Where the operator (or the first word) is. */
  readonly start: number;
  /** Nothing but empty words came before it: the value opened with the operator (`;id`, `';id`). */
  readonly leading: boolean;
  /** Where a command would run: top level, or a substitution that is itself a command word (`;\`id\``). */
  readonly commandPosition: boolean;
  /** Redirection operators and their targets (`>&`, `/dev/tcp/1.2.3.4/80`). */
  readonly redirects: { readonly op: string; readonly target: string }[];
}

/** Everything the parser saw in one value. */
export interface ShellParse {
  readonly commands: ShellCommand[];
  /** `$IFS` / `${IFS}` stood for a space: only evasions write that. */
  ifs: boolean;
  /** Parameter expansion with an operator on a shell variable (`${PATH:0:1}`, `${x#*}`). */
  paramTrick: boolean;
  /** Arithmetic expansion (`$((…))`, `$[…]`). */
  arithmetic: boolean;
  /** An expansion only shell code writes: arithmetic on numbers or substitutions (`$[2+2]`), pattern and
   *  substring operators (`${x#{}}`, `${PATH:0:1}`); the defaults of `${a:-b}` are common in config files. */
  strongExpansion: boolean;
  /** A substitution with nothing in it (`pi$()ng`, ``pi``ng``): only there to split a word. */
  emptySubstitution: boolean;
}
