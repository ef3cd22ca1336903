import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/index.js';
import { chooseStrategy } from './choose-strategy.js';

function finding(analyzer: string, confidence = 0.9): Finding {
  return { analyzer, rule: `${analyzer}/x`, confidence, location: 'query.q', evidence: '', transforms: [] };
}

const get = (path: string, findings: Finding[] = [], method = 'GET') =>
  chooseStrategy({ method, path, userAgent: 'curl/8', findings });

describe('chooseStrategy', () => {
  it('follows the strongest finding family', () => {
    expect(get('/search', [finding('sqli')])).toBe('sql');
    expect(get('/search', [finding('nosqli')])).toBe('sql');
    expect(get('/dl', [finding('traversal')])).toBe('files');
    expect(get('/x', [finding('cmdi')])).toBe('files');
    expect(get('/x', [finding('scanner')])).toBe('scanner');
    expect(get('/x', [finding('scanner', 0.6), finding('sqli', 0.95)])).toBe('sql');
  });

  it('gives a login form a fake account and an API endless collections, when no finding tells more', () => {
    expect(get('/login', [], 'POST')).toBe('account');
    expect(get('/wp-login.php', [], 'POST')).toBe('account');
    expect(get('/api/v1/users')).toBe('api');
    expect(get('/graphql', [finding('xss')])).toBe('api');
  });

  it('sends anything else (crawlers) to the articles', () => {
    expect(get('/blog/post')).toBe('articles');
    expect(get('/x', [finding('xss')])).toBe('articles');
    expect(get('/login')).toBe('articles');
  });
});
