import type { SqlHit, SqlRule } from '../sql-rule.js';
import { lastPart, WORD_FLAG } from '../sql-words.js';

const SYSTEM = WORD_FLAG.system | WORD_FLAG.systemPackage;

/**
 * `into outfile '/var/www/x.php'`, `load_file('/etc/passwd')`, `xp_cmdshell`, `utl_http.request(...)`:
 * reaching the file system, the network or a shell through the database.
 */
export const systemAccessRule: SqlRule = {
  name: 'system-access',
  check(view) {
    const { shape, tokens } = view;
    if ((view.allFlags & SYSTEM) === 0 && !shape.includes('k')) return undefined;
    let best: SqlHit | undefined;
    for (let i = 0; i < shape.length; i++) {
      const text = tokens[i]!.text;
      const role = shape[i]!;
      let confidence = 0;
      if (text === 'into' && role === 'k') {
        const target = tokens[i + 1]?.text;
        const file = shape[i + 2] === 's' || shape[i + 2] === '(';
        confidence = (target === 'outfile' || target === 'dumpfile') && file ? 1 : 0;
      } else if ((view.flags[i]! & SYSTEM) !== 0) {
        const name = lastPart(text);
        const procedure = name.startsWith('xp_') || name.startsWith('sp_');
        const invoked = role === 'f' || tokens[i - 1]?.text === 'exec' || tokens[i - 1]?.text === 'execute';
        confidence = invoked ? (procedure ? 1 : 0.95) : procedure ? 0.85 : 0.6;
      }
      if (confidence > 0 && (best === undefined || confidence > best.confidence)) {
        best = { confidence, first: Math.max(0, i - 1), last: Math.min(shape.length - 1, i + 3) };
      }
    }
    return best;
  },
};
