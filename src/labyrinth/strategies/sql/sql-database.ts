import type { PageContext } from '../page-context.js';
import { DATABASE_NAMES, SQL_TABLES, type SqlTable } from './sql-schema.js';

/** The decoy database behind a site: one engine and one name per site, so every page tells the same story. */
export interface SqlDatabase {
  readonly dialect: 'mysql' | 'postgres';
  readonly name: string;
  readonly tables: readonly SqlTable[];
}

/** The site's decoy database. */
export function sqlDatabase(ctx: PageContext): SqlDatabase {
  const rng = ctx.siteRng('sql-database');
  return {
    dialect: rng.chance(0.6) ? 'mysql' : 'postgres',
    name: rng.pick(DATABASE_NAMES),
    tables: SQL_TABLES,
  };
}
