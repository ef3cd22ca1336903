/** An action (`allow`, `block`...) as a coloured badge. */
export function ActionBadge({ action }: { readonly action: string }) {
  return <span className={`badge action-${action}`}>{action}</span>;
}
