import type { Random } from '../random.js';

const DIRECTORIES = [
  '',
  'admin/',
  'backup/',
  'old/',
  'wp-admin/',
  'phpmyadmin/',
  'cgi-bin/',
  'api/v1/',
  'includes/',
];
const FILES = ['config', 'db', 'dump', 'database', 'setup', 'install', 'web', 'settings', 'credentials'];
const EXTENSIONS = ['php', 'bak', 'sql', 'zip', 'old', 'inc', 'yml', 'tar.gz'];
const DOTFILES = [
  '.env',
  '.git/config',
  '.git/HEAD',
  '.htpasswd',
  '.DS_Store',
  '.svn/entries',
  '.aws/credentials',
];

/**
 * An endless sweep of the paths a scanner probes: directories × (files × extensions, and dot-files), in a
 * random order. What it finds is not the point: how soon the sweep is answered is.
 * @example probePaths(createRandom(1)).next().value // '/backup/dump.sql'
 */
export function* probePaths(random: Random): Generator<string> {
  const paths: string[] = [];
  for (const directory of DIRECTORIES) {
    for (const file of FILES) for (const ext of EXTENSIONS) paths.push(`/${directory}${file}.${ext}`);
    for (const dotfile of DOTFILES) paths.push(`/${directory}${dotfile}`);
  }
  for (;;) yield* random.shuffle(paths);
}
