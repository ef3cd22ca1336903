/** Words as a title: the first one capitalized, as blog titles and link texts are written. */
export function titleCase(words: readonly string[]): string {
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
