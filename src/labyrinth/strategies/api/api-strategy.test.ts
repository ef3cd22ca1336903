import { describe, expect, it } from 'vitest';
import { createMaze } from '../../create-maze.js';
import { visitOf } from '../../maze.testing.js';

const maze = createMaze({ secret: 'api test secret' });

interface Collection {
  data: Record<string, unknown>[];
  page: number;
  next: string;
  related: string[];
}

describe('the api strategy', () => {
  it('answers JSON collections that paginate forever in the same collection', () => {
    let target = '/api/v1/orders?page=1';
    for (let expected = 1; expected <= 40; expected++) {
      const page = maze.page(visitOf(target, 'api'));
      expect(page.contentType).toBe('application/json; charset=utf-8');
      const json = JSON.parse(page.body) as Collection;
      expect(json.page).toBe(expected);
      expect(json.data).toHaveLength(10);
      expect(json.next).toMatch(/^\/api\/v1\/orders\/[0-9a-f-]{36}$/);
      expect(maze.isMazePath('shop', json.next)).toBe(true);
      expect(page.headers.link).toBe(`<${json.next}>; rel="next"`);
      for (const path of json.related) expect(maze.isMazePath('shop', path)).toBe(true);
      target = json.next;
    }
  });

  it('fills records with canary emails and keys', () => {
    const users = JSON.parse(maze.page(visitOf('/api/v1/users', 'api')).body) as Collection;
    for (const user of users.data) expect(user.email).toMatch(/^email-[0-9a-z]+$/);
    const payments = JSON.parse(maze.page(visitOf('/api/v1/payments', 'api')).body) as Collection;
    for (const payment of payments.data) expect(payment.customer_email).toMatch(/^email-[0-9a-z]+$/);
    const tokens = JSON.parse(maze.page(visitOf('/api/v1/tokens', 'api')).body) as Collection;
    for (const token of tokens.data) expect(token.token).toMatch(/^(?:api-key|jwt)-[0-9a-z]+$/);
  });

  it('stays valid JSON for any target', () => {
    for (const target of ['/api/v1/users?q="}]', '/\u2028\u0000', '/api/v1/%7B%22a%22%3A1%7D', '/x\\"y'])
      expect(() => JSON.parse(maze.page(visitOf(target, 'api')).body)).not.toThrow();
  });
});
