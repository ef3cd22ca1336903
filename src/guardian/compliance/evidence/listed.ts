/** Names joined for a detail row, at most `max` of them and a count of the rest: `a, b, c and 4 more`. */
export function listed(names: readonly string[], max = 20): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
