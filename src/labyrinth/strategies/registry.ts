import type { TrapStrategyName } from '../trap-strategy-name.js';
import { createAccountStrategy } from './account/account-strategy.js';
import { createApiStrategy } from './api/api-strategy.js';
import { createArticlesStrategy } from './articles/articles-strategy.js';
import { createFilesStrategy } from './files/files-strategy.js';
import { createScannerStrategy } from './scanner/scanner-strategy.js';
import { createSqlStrategy } from './sql/sql-strategy.js';
import type { TrapStrategyFactory } from './trap-strategy.js';

/** Every trap strategy's factory by name; each factory validates its own options. */
export const TRAP_STRATEGY_FACTORIES: Readonly<Record<TrapStrategyName, TrapStrategyFactory>> = Object.freeze(
  {
    sql: createSqlStrategy,
    files: createFilesStrategy,
    scanner: createScannerStrategy,
    articles: createArticlesStrategy,
    account: createAccountStrategy,
    api: createApiStrategy,
  },
);
