import type { TrapStrategy, TrapStrategyFactory } from '../trap-strategy.js';
import { sqlDatabase } from './sql-database.js';
import { sqlErrorPage } from './sql-error-page.js';
import { sqlRowDump } from './sql-row-dump.js';

// Two clicks in, the injection "worked": the intruder who kept going is shown rows instead of errors.
const DUMP_DEPTH = 2;

/**
 * For SQL injection: database syntax errors that leak a plausible schema, then row dumps of users.
 * @example createSqlStrategy({}).render(ctx).status // 500 on the first page
 */
export const createSqlStrategy: TrapStrategyFactory = (): TrapStrategy => ({
  name: 'sql',
  templates: [],
  render(ctx) {
    const db = sqlDatabase(ctx);
    return ctx.depth >= DUMP_DEPTH ? sqlRowDump(ctx, db) : sqlErrorPage(ctx, db);
  },
});
