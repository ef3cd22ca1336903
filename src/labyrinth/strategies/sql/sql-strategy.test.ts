import { describe, expect, it } from 'vitest';
import { createMaze } from '../../create-maze.js';
import { linksOf, targetAtDepth, visitOf } from '../../maze.testing.js';
import { SQL_TABLES } from './sql-schema.js';

const maze = createMaze({ secret: 'sql test secret' });
const COLUMNS = new Set(SQL_TABLES.flatMap((table) => table.columns.map(([name]) => name)));

describe('the sql strategy', () => {
  it('answers an injection with a database syntax error that leaks the query and a table schema', () => {
    const page = maze.page(visitOf("/products?id=1' OR '1'='1", 'sql'));
    expect(page.status).toBe(500);
    expect(page.body).toMatch(/You have an error in your SQL syntax|ERROR: {2}syntax error at or near/);
    expect(page.body).toMatch(/<pre>SELECT [\s\S]* FROM \w+ t WHERE/);
    const schema = page.body.split(/<h2>Table \w+\.\w+<\/h2>/)[1]!;
    const fields = [...schema.matchAll(/<tr><td>(\w+)<\/td>/g)].map((m) => m[1]!);
    expect(fields.length).toBeGreaterThanOrEqual(5);
    for (const field of fields) expect(COLUMNS.has(field), field).toBe(true);
    expect(page.body).toContain('1&#39; OR &#39;1&#39;=&#39;1');
    expect(linksOf(page).length).toBeGreaterThanOrEqual(6);
  });

  it('speaks MySQL on some sites and PostgreSQL on others, the same on every page of a site', () => {
    const dialects = new Set<string>();
    for (const site of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const mysql = (target: string) =>
        maze.page(visitOf(target, 'sql', { site })).body.includes('MySQL server version');
      expect(mysql('/x?id=2'), site).toBe(mysql('/y?name=bob'));
      dialects.add(mysql('/x?id=2') ? 'mysql' : 'postgres');
    }
    expect(dialects).toEqual(new Set(['mysql', 'postgres']));
  });

  it('dumps rows of users with canary emails, password hashes and keys on deeper pages', () => {
    const page = maze.page(visitOf(targetAtDepth(maze, 3), 'sql'));
    expect(page.status).toBe(200);
    expect(page.depth).toBe(3);
    const rows = page.body.split('<tbody>')[1]!.split('</tbody>')[0]!.match(/<tr>/g)!;
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(page.body).toMatch(/<th>email<\/th><th>password_hash<\/th><th>api_key<\/th>/);
    expect(page.body.match(/<td>email-[0-9a-z]+<\/td>/g)).toHaveLength(rows.length);
    expect(page.body.match(/<td>api-key-[0-9a-z]+<\/td>/g)).toHaveLength(rows.length);
    expect(page.body.match(/<td>\$2y\$10\$[./A-Za-z0-9]{53}<\/td>/g)).toHaveLength(rows.length);
  });
});
