const PARTS: readonly [RegExp, (name: string) => string][] = [
  [/^query\.(.+)$/, (n) => `the query parameter "${n}"`],
  [/^body\.json\.(.+)$/, (n) => `the JSON body field "${n}"`],
  [/^body\.form\.(.+)$/, (n) => `the form field "${n}"`],
  [/^body\.multipart\.(.+)$/, (n) => `the upload part "${n}"`],
  [/^body\.graphql\.(.+)$/, (n) => `the GraphQL argument "${n}"`],
  [/^body\.xml(?:\.(.+))?$/, () => 'the XML body'],
  [/^header\.(.+)$/, (n) => `the "${n}" header`],
  [/^cookie\.(.+)$/, (n) => `the cookie "${n}"`],
  [/^path\.(\d+)$/, (n) => `segment ${Number(n) + 1} of the path`],
];
const WHOLE: Readonly<Record<string, string>> = {
  query: 'the query string',
  path: 'the path',
  body: 'the body',
  method: 'the method',
  cookie: 'the Cookie header',
  request: 'the request as a whole',
};
const SUFFIX: Readonly<Record<string, string>> = { name: 'the name of', filename: 'the file name of' };

/**
 * A finding's location in words.
 * @example describeLocation('body.json.user.name') // 'the JSON body field "user.name"'
 */
export function describeLocation(location: string): string {
  const [base = '', suffix] = location.split('#', 2);
  let words = WHOLE[base];
  for (const [pattern, say] of PARTS) {
    if (words !== undefined) break;
    const match = pattern.exec(base);
    if (match !== null) words = say(match[1] ?? '');
  }
  words ??= `"${base}"`;
  if (suffix === undefined) return words;
  return `${SUFFIX[suffix] ?? `the "${suffix}" of`} ${words}`;
}
