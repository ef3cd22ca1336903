/** One headline number. */
export function StatCard({
  label,
  value,
  tone = 'neutral',
}: {
  readonly label: string;
  readonly value: string | number;
  readonly tone?: 'neutral' | 'danger' | 'warning' | 'info';
}) {
  return (
    <div className={`stat-card tone-${tone}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={`stat-${label.toLowerCase().replace(/\W+/g, '-')}`}>
        {typeof value === 'number' ? value.toLocaleString() : value}
      </span>
    </div>
  );
}
