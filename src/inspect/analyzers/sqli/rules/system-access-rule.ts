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
    if ((view.allFlags & SYSTEM) === 0 && !shape.includes('k') && !shape.includes('T')) return undefined;
    let best: SqlHit | undefined;
    for (let i = 0; i < shape.length; i++) {
      const text = tokens[i]!.text;
      const role = shape[i]!;
      let confidence = 0;
      if (text === 'into' && role === 'k') {
        const target = tokens[i + 1]?.text;
        // `into outfile '/x'`, `into dumpfile concat(...)`; the phrase alone is SQL too (`into outfile ‘x’`).
        const file = shape[i + 2] === 's' || shape[i + 2] === '(' || shape[i + 2] === 'f';
        if (target === 'outfile' || target === 'dumpfile') confidence = file ? 1 : 0.9;
      } else {
        const name = lastPart(text);
        const procedure = name.startsWith('xp_') || name.startsWith('sp_');
        const executed = tokens[i - 1]?.text === 'exec' || tokens[i - 1]?.text === 'execute';
        // `xp_cmdshell 'dir'`: a procedure given its argument is called, `exec` or not.
        const invoked = role === 'f' || executed || (procedure && shape[i + 1] === 's');
        // Alone, the routine's name is the whole value: a probe of whether it reaches the database unfiltered.
        const alone = shape.length === 1;
        if ((view.flags[i]! & SYSTEM) !== 0)
          confidence = invoked ? (procedure ? 1 : 0.95) : alone ? 0.9 : procedure ? 0.85 : 0.6;
        // Any other stored procedure of the server (`exec sp_add_job ...`).
        else if (procedure && executed && role === 'n') confidence = 0.9;
      }
      if (confidence > 0 && (best === undefined || confidence > best.confidence)) {
        best = { confidence, first: Math.max(0, i - 1), last: Math.min(shape.length - 1, i + 3) };
      }
    }
    return best;
  },
};
