import { describe, expect, it } from 'vitest';
import { compilePathTemplate } from './path-template.js';

describe('compilePathTemplate', () => {
  it('splits a template and marks its last {slug} or {id} as the checksum carrier', () => {
    const template = compilePathTemplate('/t/{id}/{year}/{slug}.html');
    expect(template.parts).toEqual([
      { literal: '/t/' },
      { placeholder: 'id', carrier: false },
      { literal: '/' },
      { placeholder: 'year', carrier: false },
      { literal: '/' },
      { placeholder: 'slug', carrier: true },
      { literal: '.html' },
    ]);
  });

  it('accepts the usual shapes', () => {
    for (const source of [
      '/docs/{slug}',
      '/a/{noun}/{id}',
      '/b/{slug}/',
      '/c/{year}/{month}/{slug}',
      '/d_~.x/{id}/edit',
    ])
      expect(compilePathTemplate(source).source).toBe(source);
  });

  it('refuses, by name, a template the maze cannot use', () => {
    expect(() => compilePathTemplate('/docs/{page}')).toThrow(
      'labyrinth: path template "/docs/{page}" has an unknown placeholder {page}',
    );
    expect(() => compilePathTemplate('docs/{slug}')).toThrow(
      'labyrinth: path template "docs/{slug}" does not start with "/"',
    );
    for (const source of [
      '//evil.example/{slug}',
      '/a//{slug}',
      '/a/./{slug}',
      '/../{slug}',
      '/a b/{slug}',
      '/{slug}#x',
      '/a/{slug}\\',
    ])
      expect(() => compilePathTemplate(source), source).toThrow(TypeError);
  });
});
