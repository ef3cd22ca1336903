import type { SqlToken } from './sql-token.js';

/**
 * Whether a comment is only its marker (`--`, `-- -`, `--+`, `#`, `/*`): it cuts the rest of the query and
 * says nothing. `--sp_password` counts too, since MSSQL keeps statements naming it out of its logs.
 */
export function isBareComment(comment: SqlToken): boolean {
  const text = comment.text;
  if (text.includes('sp_password')) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 45 && c !== 43 && c !== 35 && c !== 47 && c !== 42) return false;
  }
  return true;
}
