import type { ReactNode } from 'react';

/** Shown when there is nothing to list, saying why and what to do. */
export function EmptyState({ children }: { readonly children: ReactNode }) {
  return (
    <p className="state state-empty" data-testid="empty-state">
      {children}
    </p>
  );
}
