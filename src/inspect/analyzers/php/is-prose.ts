import type { Inspectable } from '../../inspectable.js';

const MIN_LENGTH = 120;
const MIN_SPACES = 12;

/**
 * Whether a value is running text in a body field (a post, a comment, a support ticket): code quoted
 * there is more often explained than injected, so findings in it weigh a little less.
 */
export function isProse(item: Inspectable, text: string): boolean {
  if (item.kind !== 'body-value' && item.kind !== 'body-text' && item.kind !== 'file-content') return false;
  if (text.length < MIN_LENGTH) return false;
  let spaces = 0;
  for (let i = text.indexOf(' '); i >= 0 && spaces < MIN_SPACES; i = text.indexOf(' ', i + 1)) spaces++;
  return spaces >= MIN_SPACES;
}
