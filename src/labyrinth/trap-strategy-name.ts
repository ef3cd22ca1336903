/**
 * The maze's trap strategies, one per kind of hostility: SQL injection gets database errors and row dumps,
 * traversal gets system and config files, scanners get admin panels and listings, crawlers get endless
 * articles, credential stuffers a fake account, API abusers collections that never end.
 */
export const TRAP_STRATEGIES = ['sql', 'files', 'scanner', 'articles', 'account', 'api'] as const;

export type TrapStrategyName = (typeof TRAP_STRATEGIES)[number];
