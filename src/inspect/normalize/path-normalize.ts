import { type Transform, unchanged } from '../transform.js';

// `scheme://authority` or a drive letter stays in front: `..` must not climb out of a host or a drive.
const PREFIX = /^(?:[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^/]*|[A-Za-z]:(?=\/))/;

function mayChange(s: string): boolean {
  return s.includes('\\') || s.includes('//') || s.includes('/.') || s.includes('./');
}

function resolve(rest: string): string {
  const absolute = rest.startsWith('/');
  const segments = rest.split('/');
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') kept.push(segment);
    else if (kept.length > 0 && kept[kept.length - 1] !== '..') kept.pop();
    // Above the root there is nothing to climb to; a relative path keeps its leading `..`s.
    else if (!absolute) kept.push('..');
  }
  const last = segments[segments.length - 1];
  const trailing = segments.length > 1 && kept.length > 0 && (last === '' || last === '.' || last === '..');
  return (absolute ? '/' : '') + kept.join('/') + (trailing ? '/' : '');
}

/**
 * Normalizes a path as a file system would read it: `\` as `/`, repeated slashes collapsed, `.` and `..`
 * segments resolved (`/var/www/../../etc//passwd` → `/etc/passwd`). Not in the default variant set: the
 * traversal analyzers apply it themselves and still see the unresolved spelling.
 * @example pathNormalize.apply('..\\a\\.\\b/../c').value // '../a/c'
 */
export const pathNormalize: Transform = {
  name: 'path-normalize',
  apply(input) {
    if (!mayChange(input)) return unchanged(input);
    const slashed = input.replaceAll('\\', '/');
    const prefix = PREFIX.exec(slashed)?.[0] ?? '';
    const value = prefix + resolve(slashed.slice(prefix.length)) || '.';
    return value === input ? unchanged(input) : { value, changed: true };
  },
};
