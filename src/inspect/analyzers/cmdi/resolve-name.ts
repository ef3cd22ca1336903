import { expandBraces } from './brace-expand.js';
import { fixedGlobLength, globMatch } from './glob-match.js';
import {
  type CommandInfo,
  KNOWN_COMMANDS,
  WINDOWS_COMMANDS,
  WINDOWS_SHELL_VARIABLES,
} from './known-commands.js';
import type { ShellWord } from './shell-syntax.js';

/** A command word read as the command it runs. */
export interface ResolvedName {
  /** Lower-cased base name: `cat` for `/bin/cat`, `cmd` for `C:\Windows\System32\cmd.exe`. */
  readonly name: string;
  readonly info: CommandInfo | undefined;
  /** The spelling hid the name: quotes or escapes inside, variables, braces or globs. */
  readonly hidden: boolean;
  /** Hidden by glob characters alone (`/???/c?t`, `*a`): no quote, escape, brace or variable. */
  readonly globbed: boolean;
  /** Written with a system binary directory (`/bin/sh`, `/usr/bin/perl`). */
  readonly binPath: boolean;
  /** Words a brace expansion of the name added before the other arguments. */
  readonly extra: readonly string[];
}

const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];
const BIN_PATH = /(?:^|\/)(?:usr\/(?:local\/)?)?s?bin\/[^/]+$/;
const WINDOWS_PATH = /^(?:[a-z]:[\\/]|%\w+%|\\\\)/i;
const EXTENSION = /\.(?:exe|com|bat|cmd)$/;
const VERSION = /^([a-z][a-z+-]*?)-?[0-9][0-9.]*$/;
const MAX_GLOB = 24;

function lookup(base: string): CommandInfo | undefined {
  const direct = KNOWN_COMMANDS.get(base);
  if (direct !== undefined) return direct;
  const versioned = VERSION.exec(base);
  return versioned === null ? undefined : KNOWN_COMMANDS.get(versioned[1]!);
}

// The known command a glob names (`c?t` → `cat`, `adduse[r]` → `adduser`), trying only names of the length
// it can match; a glob of wildcards alone (`??`) names nothing in particular.
function globbedName(pattern: string): string | undefined {
  if (pattern.length > MAX_GLOB || !/[a-z]/i.test(pattern)) return undefined;
  const length = fixedGlobLength(pattern);
  for (const name of KNOWN_COMMANDS.keys()) {
    if ((length < 0 || name.length === length) && name.length > 1 && globMatch(pattern, name)) return name;
  }
  return undefined;
}

// `/???/c?t` → `cat`: a glob that only a system binary matches.
function globbedBinary(pattern: string): string | undefined {
  const slash = pattern.lastIndexOf('/');
  const dirPattern = pattern.slice(0, slash);
  if (!BIN_DIRS.some((dir) => globMatch(dirPattern, dir))) return undefined;
  const namePattern = pattern.slice(slash + 1);
  return /^[*?]+$/.test(namePattern) ? undefined : (globbedName(namePattern) ?? globbedAny(namePattern));
}

// In a binary directory even `??` is specific enough: `/???/??` → the first two-letter command.
function globbedAny(pattern: string): string | undefined {
  const length = fixedGlobLength(pattern);
  for (const name of KNOWN_COMMANDS.keys()) {
    if ((length < 0 || name.length === length) && globMatch(pattern, name)) return name;
  }
  return undefined;
}

/**
 * Resolves the first word of a command to a known command name, seeing through paths, `.exe`, version
 * suffixes (`python3.10`), brace expansion, globs and `%COMSPEC%`.
 */
export function resolveName(word: ShellWord, source: string): ResolvedName {
  let text = word.text;
  let hidden = word.split || word.expanded;
  const plain = !hidden && !word.brace;
  let globbed = false;
  let extra: string[] = [];
  if (word.brace) {
    const expanded = expandBraces(text).filter((t) => t !== '');
    if (expanded.length > 0) {
      text = expanded[0]!;
      extra = expanded.slice(1);
      hidden = true;
    }
  }
  const raw = source.slice(word.start, word.end);
  // A Windows path keeps its backslashes: they are separators there, not escapes.
  if (WINDOWS_PATH.test(raw) && !raw.includes("'") && !raw.includes('"')) {
    text = raw;
    hidden = false;
  }
  const variable = /^%(\w+)%$/.exec(text);
  if (variable !== null && WINDOWS_SHELL_VARIABLES.has(variable[1]!.toLowerCase())) text = 'cmd';
  const cut = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
  const base = text
    .slice(cut + 1)
    .toLowerCase()
    .replace(EXTENSION, '');
  let name = base;
  let info = lookup(base);
  const binPath = cut >= 0 && BIN_PATH.test(text.replaceAll('\\', '/'));
  if (info === undefined && /[*?[]/.test(text)) {
    // `/???/c?t`, or `adduse[r]` that reached the command word through a variable.
    const found = cut >= 0 ? globbedBinary(text) : globbedName(base);
    if (found !== undefined) {
      name = found;
      info = KNOWN_COMMANDS.get(found);
      hidden = true;
      globbed = plain;
    }
  }
  if (info !== undefined && word.glob) {
    if (!hidden) globbed = plain;
    hidden = true;
  }
  // cmd.exe ends a command name at a switch: `bcdboot/r`, `dir/s`, `cmd/c`.
  const slash = text.indexOf('/');
  if (info === undefined && slash > 1 && /^\/[a-z?]{1,3}$/i.test(text.slice(slash))) {
    const head = text.slice(0, slash).toLowerCase().replace(EXTENSION, '');
    const headInfo = lookup(head);
    if (headInfo?.tier === 1 || WINDOWS_COMMANDS.has(head)) {
      name = head;
      info = headInfo;
    }
  }
  // `."shell`, `who'ami`: a stray quote that the shell keeps but a command-line tool's own parser drops.
  if (info === undefined && /['"]/.test(base)) {
    const unquoted = lookup(base.replace(/['"]/g, ''));
    if (unquoted !== undefined) {
      name = base.replace(/['"]/g, '');
      info = unquoted;
      hidden = true;
      globbed = false;
    }
  }
  if (info === undefined && binPath && base !== '') info = { tier: 1 };
  if (info !== undefined && binPath && info.tier === 2) info = { ...info, tier: 1 };
  return { name, info, hidden, globbed, binPath, extra };
}
