/** The kind of a unified-diff line, for its colour. */
function lineClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return 'diff-file';
  if (line.startsWith('@@')) return 'diff-hunk';
  if (line.startsWith('+')) return 'diff-add';
  if (line.startsWith('-')) return 'diff-del';
  return 'diff-same';
}

/**
 * A unified diff, one coloured line each (added, removed, hunk header). The text is rendered as text: a
 * configuration may hold anything, and none of it becomes markup.
 */
export function DiffView({ diff, label }: { readonly diff: string; readonly label: string }) {
  if (diff.trim() === '')
    return (
      <p className="state state-empty" data-testid="diff-empty">
        No difference.
      </p>
    );
  const lines = diff.replace(/\n$/, '').split('\n');
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the diff scrolls; a keyboard must reach it
    <section className="code-block diff" aria-label={label} data-testid="diff" tabIndex={0}>
      <pre>
        {lines.map((line, i) => (
          // Lines repeat: their place is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <span key={i} className={`diff-line ${lineClass(line)}`}>
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
    </section>
  );
}
