/**
 * A value's location without the array positions after its field name (`tags.0`, `tags[]`, `tags[2]`),
 * which say nothing about what the field holds.
 * @example fieldName('body.json.tags.0') // 'body.json.tags'
 */
export function fieldName(location: string): string {
  let end = location.length;
  for (;;) {
    let i = end;
    if (location[i - 1] === ']') i--;
    while (i > 0 && location.charCodeAt(i - 1) >= 48 && location.charCodeAt(i - 1) <= 57) i--;
    const open = location[i - 1];
    if (!((open === '.' && i < end) || (open === '[' && location[end - 1] === ']')))
      return location.slice(0, end);
    end = i - 1;
  }
}
