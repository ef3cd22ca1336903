import { escapeHtml } from '../../../core/index.js';
import { linkList } from '../../html/link-list.js';
import type { MazePage } from '../../maze-types.js';
import type { PageContext } from '../page-context.js';
import { targetExcerpt } from '../shared/decoded-target.js';
import { decoyHtmlPage } from '../shared/decoy-html-page.js';
import type { SqlDatabase } from './sql-database.js';
import type { SqlTable } from './sql-schema.js';

const EXCERPT = 48;

function errorMessage(db: SqlDatabase, excerpt: string, query: string): string {
  if (db.dialect === 'mysql')
    return (
      'SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check ' +
      'the manual that corresponds to your MySQL server version for the right syntax to use near ' +
      `'${excerpt}' at line 1`
    );
  const caret = ' '.repeat(Math.max(0, query.indexOf(excerpt)) + 8);
  return `SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "${excerpt}"\nLINE 1: ${query}\n${caret}^`;
}

function schemaTable(db: SqlDatabase, table: SqlTable): string {
  const rows = table.columns.map(
    ([name, type], i) =>
      `<tr><td>${name}</td><td>${type}</td><td>NO</td><td>${i === 0 ? 'PRI' : ''}</td></tr>`,
  );
  return (
    `<h2>Table ${db.name}.${table.name}</h2>\n<table><thead><tr><th>Field</th><th>Type</th><th>Null</th>` +
    `<th>Key</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function stackTrace(ctx: PageContext, table: SqlTable): string {
  const { rng } = ctx;
  const frames = [
    `/var/www/html/vendor/doctrine/dbal/src/Connection.php(${rng.between(900, 1200)}): PDO-&gt;query()`,
    `/var/www/html/src/Repository/${table.model}Repository.php(${rng.between(40, 200)}): Doctrine\\DBAL\\Connection-&gt;executeQuery()`,
    `/var/www/html/src/Controller/SearchController.php(${rng.between(20, 90)}): App\\Repository\\${table.model}Repository-&gt;search()`,
    `/var/www/html/public/index.php(${rng.between(20, 40)}): App\\Kernel-&gt;handle()`,
    '{main}',
  ];
  return `<h2>Stack trace</h2>\n<ol start="0">${frames.map((f) => `<li>${f}</li>`).join('')}</ol>`;
}

/** A database syntax error that quotes the request (escaped) and "leaks" the query and a table's schema. */
export function sqlErrorPage(ctx: PageContext, db: SqlDatabase): MazePage {
  const table = ctx.rng.pick(db.tables);
  const excerpt = targetExcerpt(ctx.path, ctx.query, EXCERPT);
  const columns = table.columns.map(([name]) => `t.${name}`).join(', ');
  const query = `SELECT ${columns} FROM ${table.name} t WHERE t.${table.columns[1]![0]} = '${excerpt}' LIMIT 1`;
  const main = [
    '<h1>Database error</h1>\n<p>An error occurred while processing your request. ',
    'The details below are shown because debug mode is enabled.</p>\n<pre>',
    escapeHtml(errorMessage(db, excerpt, query)),
    '</pre>\n<h2>Query</h2>\n<pre>',
    escapeHtml(query),
    '</pre>\n',
    stackTrace(ctx, table),
    '\n',
    schemaTable(db, table),
    '\n<h2>Recent queries</h2>\n',
    linkList(ctx.links()),
  ];
  return decoyHtmlPage(ctx, { title: 'Database error', main: main.join('') }, { status: 500 });
}
