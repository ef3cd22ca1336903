import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff.js';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'x', 'y')).toBe('');
  });

  it('shows a changed line with its context', () => {
    expect(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n', 'v1', 'v2')).toBe(
      '--- v1\n+++ v2\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n',
    );
  });

  it('splits distant changes into hunks and keeps near ones together', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 1\n', 'line one\n').replace('line 18', 'line eighteen');
    const diff = unifiedDiff(before, after, 'a', 'b', 2);
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(diff).toContain('@@ -1,4 +1,4 @@\n line 0\n-line 1\n+line one\n line 2\n line 3\n');
    expect(diff).toContain('-line 18\n+line eighteen\n line 19\n');
  });

  it('handles additions to an empty text and removals of everything', () => {
    expect(unifiedDiff('', 'x\ny\n', 'a', 'b')).toBe('--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n');
    expect(unifiedDiff('x\n', '', 'a', 'b')).toBe('--- a\n+++ b\n@@ -1,1 +0,0 @@\n-x\n');
  });
});
