import type { ReactNode } from 'react';

/** A card with a ranking, or a line saying why there is none. */
export function RankingCard({
  title,
  empty,
  children,
}: {
  readonly title: string;
  readonly empty: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="card">
      <h2>{title}</h2>
      {children ?? <p className="state state-empty">{empty}</p>}
    </div>
  );
}
