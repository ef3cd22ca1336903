import { isRole } from '../is-role.js';
import type { SqlHit, SqlRule } from '../sql-rule.js';
import { firstPart, lastPart, SCHEMA_NAMES, WORD_FLAG } from '../sql-words.js';

// Catalog names nobody types in a form unless probing a database.
const UNMISTAKABLE = new Set([
  'information_schema',
  'sqlite_master',
  'pg_shadow',
  'pg_catalog',
  'mysql.user',
  'sysobjects',
  'msysobjects',
  'msysaccessobjects',
  'tempdb',
]);
const STRUCTURE = '(,=E';

/** `from information_schema.tables`, `sysobjects`, `pg_shadow`: listing tables, columns or credentials. */
export const schemaProbeRule: SqlRule = {
  name: 'schema-probe',
  check(view) {
    const { shape, tokens } = view;
    if ((view.allFlags & WORD_FLAG.schema) === 0) return undefined;
    let best: SqlHit | undefined;
    for (let i = 0; i < shape.length; i++) {
      if (shape[i] !== 'n' || (view.flags[i]! & WORD_FLAG.schema) === 0) continue;
      const text = tokens[i]!.text;
      const name = SCHEMA_NAMES.has(text)
        ? text
        : SCHEMA_NAMES.has(firstPart(text))
          ? firstPart(text)
          : lastPart(text);
      const before = tokens[i - 1]?.text;
      let confidence = before === 'from' || before === 'join' ? 0.9 : 0;
      if (confidence === 0 && isRole(shape[i - 1], STRUCTURE)) confidence = 0.85;
      // Alone, the catalog is the whole value: a probe of what the database lets through.
      if (confidence === 0 && UNMISTAKABLE.has(name)) confidence = shape.length === 1 ? 0.9 : 0.7;
      if (confidence > 0 && (best === undefined || confidence > best.confidence)) {
        best = { confidence, first: Math.max(0, i - 1), last: i };
      }
    }
    return best;
  },
};
